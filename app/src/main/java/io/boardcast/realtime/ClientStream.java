package io.boardcast.realtime;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One browser's event stream. Events are queued (bounded) and written by a sender task, so a slow or stalled client
 * only ever holds up itself; when its queue overflows the stream is closed and the client resumes from the log.
 * <p>
 * At most one sender thread works for a stream at a time, and only the sender ever writes to or completes the
 * emitter: a client that stops reading pins one thread (until the socket's write timeout), never the caller.
 * <p>
 * Its user's personal events share the queue (and its bound) but not the board's sequence: they are queued as they
 * come, even while a replay is read, and never count as the client's last event. A stream of {@link #PERSONAL}
 * carries only those.
 */
final class ClientStream {

    private static final Logger log = LoggerFactory.getLogger(ClientStream.class);

    /** The board id of a stream that carries only its user's personal events (boards' ids start at 1). */
    static final long PERSONAL = 0;

    /** What the sender writes: a frame, or an event rendered on the sender, or the end of the stream. */
    private record Outgoing(Set<DataWithMediaType> frame, EventFrame event, PersonalFrame personal) {

        Outgoing(Set<DataWithMediaType> frame, EventFrame event) {
            this(frame, event, null);
        }
    }

    private static final Outgoing END = new Outgoing(null, null);
    private static final Outgoing HEARTBEAT = new Outgoing(SseEmitter.event().comment("heartbeat").build(), null);

    private final long boardId;
    private final String username;
    private final String sessionId;
    private final PageView view;
    private final SseEmitter emitter;
    private final int capacity;
    private final BlockingQueue<Outgoing> queue;
    private final Executor sender;
    private final RealtimeMetrics metrics;
    private final Clock clock;
    private final Consumer<ClientStream> onClose;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean completed = new AtomicBoolean();
    /** The highest sequence queued to this stream. Guarded by {@code this}. */
    private long lastQueuedSeq;
    /** Live events that arrive while a replay is being read; null when not replaying. Guarded by {@code this}. */
    private List<EventFrame> held;

    ClientStream(long boardId, String username, String sessionId, PageView view, SseEmitter emitter, int capacity,
            Executor sender, RealtimeMetrics metrics, Clock clock, Consumer<ClientStream> onClose) {
        this.boardId = boardId;
        this.username = username;
        this.sessionId = sessionId;
        this.view = view;
        this.emitter = emitter;
        this.capacity = capacity;
        // Linked, not an array: an idle stream's queue is empty, and an array of the capacity (256) would be 1 KB of
        // every stream's heap.
        this.queue = new LinkedBlockingQueue<>(capacity);
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

    PageView view() {
        return view;
    }

    String sessionId() {
        return sessionId;
    }

    boolean isClosed() {
        return closed.get();
    }

    /**
     * The client has everything up to {@code seq}; events after it are being replayed, so live ones are held back
     * until {@link #finishReplay} has queued the replay in front of them.
     */
    synchronized void startReplay(long seq) {
        lastQueuedSeq = Math.max(lastQueuedSeq, seq);
        held = new ArrayList<>();
    }

    /** Queues the replayed events, then whatever arrived live meanwhile, each once and in order. */
    synchronized void finishReplay(List<EventFrame> missed) {
        List<EventFrame> live = held == null ? List.of() : held;
        held = null;
        missed.forEach(this::queueOnce);
        live.forEach(this::queueOnce);
    }

    /** Queues the event unless the client already has it: a replay never applies twice. */
    synchronized void offer(EventFrame rendered) {
        if (held != null) {
            if (held.size() >= capacity) {
                overflow();
            } else {
                held.add(rendered);
            }
            return;
        }
        queueOnce(rendered);
    }

    private void queueOnce(EventFrame rendered) {
        if (rendered.seq() <= lastQueuedSeq || closed.get()) {
            return;
        }
        lastQueuedSeq = rendered.seq();
        enqueue(new Outgoing(null, rendered));
    }

    /**
     * Queues a personal event as it comes: it has no place in the board's sequence, so it is neither held back by a
     * replay nor checked against the client's last event. Bounded like everything else: an overflow ends the stream.
     */
    void offerPersonal(PersonalFrame personal) {
        enqueue(new Outgoing(null, null, personal));
    }

    void greet(long reconnectDelayMillis) {
        enqueue(new Outgoing(SseEmitter.event().reconnectTime(reconnectDelayMillis).comment("live").build(), null));
    }

    void heartbeat() {
        enqueue(HEARTBEAT);
    }

    /** Tells a client too far behind to re-fetch the board, then ends the stream. */
    void resync(long seq) {
        metrics.resync();
        enqueue(new Outgoing(SseEmitter.event().id(Long.toString(seq)).name("resync").data("resync").build(), null));
        enqueue(END);
    }

    private void enqueue(Outgoing outgoing) {
        if (closed.get()) {
            return;
        }
        if (!queue.offer(outgoing)) {
            overflow();
            return;
        }
        scheduleSend();
    }

    private void overflow() {
        metrics.overflow();
        close();
    }

    private void scheduleSend() {
        if (sending.compareAndSet(false, true)) {
            try {
                sender.execute(this::sendQueued);
            } catch (RejectedExecutionException shuttingDown) {
                // Only when the executor is shut down: the container times the request out and cleans up.
                sending.set(false);
                markClosed();
            }
        }
    }

    private void sendQueued() {
        try {
            Outgoing next;
            while (!closed.get() && (next = queue.poll()) != null) {
                if (next == END) {
                    markClosed();
                    break;
                }
                if (next.event() != null) {
                    emitter.send(next.event().frame(view));
                    metrics.delivered(next.event().event().publishedAt(), clock.millis());
                } else if (next.personal() != null) {
                    emitter.send(next.personal().frame(boardId == PERSONAL));
                } else {
                    emitter.send(next.frame());
                }
            }
        } catch (IOException | IllegalStateException clientGone) {
            // The client went away (or the stream already completed): normal for streams, nothing to log.
            markClosed();
        } catch (RuntimeException renderFailed) {
            // Most likely the database is unreachable. Nothing was written for this event, so ending the stream
            // makes the client resume from its last event id and get it rendered then: delayed, never skipped.
            metrics.renderFailed();
            log.warn("Could not render an event of {} ({}); the stream ends and its client resumes",
                    boardId == PERSONAL ? username : "board " + boardId, renderFailed.toString());
            markClosed();
        } finally {
            sending.set(false);
        }
        if (closed.get()) {
            complete();
        } else if (!queue.isEmpty()) {
            scheduleSend();
        }
    }

    /**
     * Ends the stream once; the browser reconnects (to any instance) and resumes from its last event id. The emitter
     * is completed by the sender: by the one writing now when it returns, or by a new one if none is writing.
     */
    void close() {
        if (markClosed()) {
            scheduleSend();
        }
    }

    private boolean markClosed() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            onClose.accept(this);
            return true;
        }
        return false;
    }

    private void complete() {
        if (completed.compareAndSet(false, true)) {
            try {
                emitter.complete();
            } catch (RuntimeException alreadyGone) {
                // completing a stream whose client vanished is fine
            }
        }
    }

    /** Called from the emitter's completion, timeout and error callbacks: the container already ended it. */
    void closedByContainer() {
        completed.set(true);
        markClosed();
    }
}
