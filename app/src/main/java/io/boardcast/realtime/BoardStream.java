package io.boardcast.realtime;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;

/**
 * One browser's event stream. Events are queued (bounded) and written by a sender task, so a slow or stalled client
 * only ever holds up itself; when its queue overflows the stream is closed and the client resumes from the log.
 */
final class BoardStream {

    /** What the sender writes: a ready SSE frame; {@code frame == null} marks the end of the stream. */
    private record Outgoing(Set<DataWithMediaType> frame, boolean boardEvent, long publishedAt) {
    }

    private static final Outgoing END = new Outgoing(null, false, 0);
    private static final Outgoing HEARTBEAT = new Outgoing(SseEmitter.event().comment("heartbeat").build(), false, 0);

    private final long boardId;
    private final String username;
    private final boolean canEdit;
    private final SseEmitter emitter;
    private final BlockingQueue<Outgoing> queue;
    private final Executor sender;
    private final RealtimeMetrics metrics;
    private final Clock clock;
    private final Consumer<BoardStream> onClose;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The highest sequence queued to this stream; guarded by the board feed's lock. */
    private long lastQueuedSeq;

    BoardStream(long boardId, String username, boolean canEdit, SseEmitter emitter, int capacity, Executor sender,
            RealtimeMetrics metrics, Clock clock, Consumer<BoardStream> onClose) {
        this.boardId = boardId;
        this.username = username;
        this.canEdit = canEdit;
        this.emitter = emitter;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sender = sender;
        this.metrics = metrics;
        this.clock = clock;
        this.onClose = onClose;
    }

    long boardId() {
        return boardId;
    }

    String username() {
        return username;
    }

    /** Client already has everything up to this sequence. */
    void skipUpTo(long seq) {
        lastQueuedSeq = Math.max(lastQueuedSeq, seq);
    }

    /** Queues the event unless the client already has it: a replay never applies twice. */
    void offer(RenderedEvent rendered) {
        if (rendered.seq() <= lastQueuedSeq || closed.get()) {
            return;
        }
        lastQueuedSeq = rendered.seq();
        enqueue(new Outgoing(rendered.frame(canEdit), true, rendered.event().publishedAt()));
    }

    void greet(long reconnectDelayMillis) {
        enqueue(new Outgoing(SseEmitter.event().reconnectTime(reconnectDelayMillis).comment("live").build(), false,
                0));
    }

    void heartbeat() {
        enqueue(HEARTBEAT);
    }

    /** Tells a client too far behind to re-fetch the board, then ends the stream. */
    void resync(long seq) {
        metrics.resync();
        enqueue(new Outgoing(SseEmitter.event().id(Long.toString(seq)).name("resync").data("resync").build(), false,
                0));
        enqueue(END);
    }

    private void enqueue(Outgoing outgoing) {
        if (closed.get()) {
            return;
        }
        if (!queue.offer(outgoing)) {
            metrics.overflow();
            close();
            return;
        }
        scheduleSend();
    }

    private void scheduleSend() {
        if (sending.compareAndSet(false, true)) {
            try {
                sender.execute(this::sendQueued);
            } catch (RejectedExecutionException saturated) {
                sending.set(false);
                close();
            }
        }
    }

    private void sendQueued() {
        try {
            Outgoing next;
            while (!closed.get() && (next = queue.poll()) != null) {
                if (next == END) {
                    close();
                    return;
                }
                emitter.send(next.frame());
                if (next.boardEvent()) {
                    metrics.delivered(next.publishedAt(), clock.millis());
                }
            }
        } catch (IOException | IllegalStateException clientGone) {
            // The client went away (or the stream already completed): normal for streams, nothing to log.
            close();
        } finally {
            sending.set(false);
        }
        if (!queue.isEmpty() && !closed.get()) {
            scheduleSend();
        }
    }

    /**
     * Ends the stream once; the browser reconnects (to any instance) and resumes from its last event id. Completing
     * waits for a write in progress (the emitter serializes them), so it happens on the sender, never on the caller:
     * a stalled client must not stall the thread that feeds everyone else.
     */
    void close() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            onClose.accept(this);
            try {
                sender.execute(this::complete);
            } catch (RejectedExecutionException saturated) {
                complete();
            }
        }
    }

    private void complete() {
        try {
            emitter.complete();
        } catch (RuntimeException alreadyGone) {
            // completing a stream whose client vanished is fine
        }
    }

    /** Called from the emitter's completion, timeout and error callbacks. */
    void closedByContainer() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            onClose.accept(this);
        }
    }
}
