package io.boardcast.realtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * This instance's view of one board's event sequence, while it has viewers. Events reach its streams in sequence
 * order with no gaps and no repeats, whatever order (or loss) the bus delivers them in. All methods hold the feed's
 * lock, so a stream joining mid-flight sees each event exactly once.
 */
final class BoardFeed {

    private static final int RECENT = 64;

    private final long boardId;
    private final EventLog log;
    private final BiFunction<BoardEvent, Boolean, String> renderer;
    private final RealtimeMetrics metrics;
    private final List<BoardStream> streams = new CopyOnWriteArrayList<>();
    /** The last few rendered events, so a quick reconnect replays without touching the database. */
    private final Deque<RenderedEvent> recent = new ArrayDeque<>();
    private long lastSeq;
    private boolean retired;

    BoardFeed(long boardId, long lastSeq, EventLog log, BiFunction<BoardEvent, Boolean, String> renderer,
            RealtimeMetrics metrics) {
        this.boardId = boardId;
        this.lastSeq = lastSeq;
        this.log = log;
        this.renderer = renderer;
        this.metrics = metrics;
    }

    long boardId() {
        return boardId;
    }

    synchronized long lastSeq() {
        return lastSeq;
    }

    List<BoardStream> streams() {
        return streams;
    }

    /** An event from the bus: a repeat is dropped, a gap before it is filled from the log first. */
    synchronized void accept(BoardEvent event) {
        if (retired || event.seq() <= lastSeq) {
            return;
        }
        if (event.seq() > lastSeq + 1) {
            List<BoardEvent> missed = log.between(boardId, lastSeq, event.seq() - 1);
            metrics.backfilled(missed.size());
            missed.forEach(this::deliver);
        }
        deliver(event);
    }

    /** Brings the feed up to the database's sequence (after a lost message, a resubscription, or on the sweep). */
    synchronized void catchUpTo(long seq) {
        if (retired || seq <= lastSeq) {
            return;
        }
        List<BoardEvent> missed = log.between(boardId, lastSeq, seq);
        metrics.backfilled(missed.size());
        missed.forEach(this::deliver);
    }

    /**
     * Adds a stream whose client has seen everything up to {@code lastEventId}: replays what it missed, in order,
     * then it receives live events. Returns false if this feed was retired meanwhile (the caller makes a new one).
     */
    synchronized boolean join(BoardStream stream, long lastEventId, int replayWindow, long reconnectDelayMillis) {
        if (retired) {
            return false;
        }
        stream.greet(reconnectDelayMillis);
        if (lastSeq - lastEventId > replayWindow) {
            stream.resync(lastSeq);
            return true;
        }
        stream.skipUpTo(lastEventId);
        List<RenderedEvent> missed = missedSince(lastEventId);
        metrics.replayed(missed.size());
        missed.forEach(stream::offer);
        streams.add(stream);
        return true;
    }

    void leave(BoardStream stream) {
        streams.remove(stream);
    }

    /** Retires the feed if nobody watches; a retired feed ignores everything. */
    synchronized boolean retireIfIdle() {
        if (streams.isEmpty()) {
            retired = true;
        }
        return retired;
    }

    private List<RenderedEvent> missedSince(long lastEventId) {
        if (lastEventId >= lastSeq) {
            return List.of();
        }
        if (!recent.isEmpty() && recent.peekFirst().seq() <= lastEventId + 1) {
            return recent.stream().filter(e -> e.seq() > lastEventId).toList();
        }
        return log.between(boardId, lastEventId, lastSeq).stream()
                .map(event -> new RenderedEvent(event, renderer))
                .toList();
    }

    private void deliver(BoardEvent event) {
        RenderedEvent rendered = new RenderedEvent(event, renderer);
        lastSeq = event.seq();
        recent.addLast(rendered);
        if (recent.size() > RECENT) {
            recent.removeFirst();
        }
        for (BoardStream stream : streams) {
            stream.offer(rendered);
        }
    }
}
