package io.boardcast.realtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's view of one board's event sequence, while it has viewers. Events reach its streams in sequence
 * order with no gaps and no repeats, whatever order (or loss) the bus delivers them in.
 * <p>
 * The feed's lock guards only memory: no database read, no rendering and no write to a client ever happens under
 * it, and the dispatcher that feeds every board only hands events over. A worker task per feed (on the shared worker
 * executor) fills gaps from the log, renders each event once per variant and fans it out; replays read the log on
 * the joining request's thread. So one board's slow work never holds up another board, nor this board's live events,
 * and a stream's queue fills only when its own client is slow.
 */
final class BoardFeed {

    private static final Logger logger = LoggerFactory.getLogger(BoardFeed.class);

    /** Reads the board's log: events after {@code afterSeq} up to and including {@code toSeq}, in order. */
    interface Log {
        List<BoardEvent> between(long boardId, long afterSeq, long toSeq);
    }

    /** What happened when a stream asked to join. */
    enum Joined { LIVE, REPLAYING, RESYNC, RETIRED }

    private final long boardId;
    private final Log log;
    private final Executor worker;
    private final BiFunction<BoardEvent, PageView, String> renderer;
    private final RealtimeMetrics metrics;
    private final int recentCount;
    private final int recentChars;
    private final List<ClientStream> streams = new CopyOnWriteArrayList<>();
    /** Recently delivered or replayed events by sequence, shared by every replay; bounded in count and size. */
    private final NavigableMap<Long, EventFrame> recent = new TreeMap<>();
    /** Delivered (sequence assigned here) but not yet rendered and handed to the streams, in order. */
    private final Deque<EventFrame> outbox = new ArrayDeque<>();
    private boolean fanningOut;
    private long lastSeq;
    private long catchUpTarget;
    private boolean catchingUp;
    private boolean retired;

    BoardFeed(long boardId, long lastSeq, Log log, Executor worker, BiFunction<BoardEvent, PageView, String> renderer,
            RealtimeMetrics metrics, int recentCount, int recentChars) {
        this.boardId = boardId;
        this.lastSeq = lastSeq;
        this.log = log;
        this.worker = worker;
        this.renderer = renderer;
        this.metrics = metrics;
        this.recentCount = recentCount;
        this.recentChars = recentChars;
    }

    long boardId() {
        return boardId;
    }

    synchronized long lastSeq() {
        return lastSeq;
    }

    List<ClientStream> streams() {
        return streams;
    }

    /** An event from the bus: a repeat is dropped, the next one delivered, a gap before it filled from the log. */
    void accept(BoardEvent event) {
        synchronized (this) {
            if (retired || event.seq() <= lastSeq) {
                return;
            }
            if (event.seq() == lastSeq + 1) {
                deliver(event);
                return;
            }
        }
        catchUpTo(event.seq());
    }

    /** Brings the feed up to {@code seq} from the log, in the background (a lost message, a resubscription, the sweep). */
    void catchUpTo(long seq) {
        synchronized (this) {
            catchUpTarget = Math.max(catchUpTarget, seq);
            if (retired || catchingUp || catchUpTarget <= lastSeq) {
                return;
            }
            catchingUp = true;
        }
        try {
            worker.execute(this::catchUp);
        } catch (RuntimeException rejected) {
            synchronized (this) {
                catchingUp = false;
            }
        }
    }

    private void catchUp() {
        try {
            while (true) {
                long from;
                long to;
                synchronized (this) {
                    if (retired || catchUpTarget <= lastSeq) {
                        catchingUp = false;
                        return;
                    }
                    from = lastSeq;
                    to = catchUpTarget;
                }
                List<BoardEvent> missed = log.between(boardId, from, to);
                synchronized (this) {
                    long before = lastSeq;
                    for (BoardEvent event : missed) {
                        if (event.seq() == lastSeq + 1) {
                            deliver(event);
                        }
                    }
                    metrics.backfilled((int) (lastSeq - before));
                    if (lastSeq == before && from == before) {
                        // The log doesn't have it (a message about an event that was never committed): stop here.
                        catchUpTarget = lastSeq;
                    }
                }
            }
        } catch (RuntimeException logUnreachable) {
            synchronized (this) {
                catchingUp = false;
            }
            logger.warn("Could not read board {}'s log ({}); the next sweep retries", boardId, logUnreachable.toString());
        }
    }

    /**
     * Adds a stream whose client has seen everything up to {@code lastEventId}: it then receives live events. When
     * it missed some, they are replayed first, read from the log outside the lock; {@code REPLAYING} tells the caller
     * to run {@link #replay}. A client further behind than {@code replayWindow} is told to re-fetch the page instead.
     */
    synchronized Joined join(ClientStream stream, long lastEventId, int replayWindow, long reconnectDelayMillis) {
        if (retired) {
            return Joined.RETIRED;
        }
        stream.greet(reconnectDelayMillis);
        lastEventId = lastEventId < 0 ? lastSeq : lastEventId;
        if (lastSeq - lastEventId > replayWindow) {
            stream.resync(lastSeq);
            return Joined.RESYNC;
        }
        stream.startReplay(lastEventId);
        streams.add(stream);
        if (stream.isClosed()) {
            streams.remove(stream);
        }
        if (lastEventId >= lastSeq) {
            stream.finishReplay(List.of());
            return Joined.LIVE;
        }
        return Joined.REPLAYING;
    }

    /** The replay part of a join: on the joining request's thread, never under the lock. */
    void replay(ClientStream stream, long lastEventId) {
        if (stream.isClosed()) {
            return;
        }
        long upTo;
        List<EventFrame> cached;
        synchronized (this) {
            upTo = lastSeq;
            cached = cachedTail(lastEventId, upTo);
        }
        long firstCached = cached.isEmpty() ? upTo + 1 : cached.get(0).seq();
        List<EventFrame> missed = new ArrayList<>();
        if (firstCached > lastEventId + 1) {
            List<BoardEvent> fromLog = log.between(boardId, lastEventId, firstCached - 1);
            synchronized (this) {
                // Shared with every other replay of the same range: each event is rendered once per variant.
                fromLog.forEach(event -> missed.add(recent.computeIfAbsent(event.seq(), seq -> rendered(event))));
                trimRecent();
            }
        }
        missed.addAll(cached);
        metrics.replayed(missed.size());
        stream.finishReplay(missed);
    }

    /** Under the lock: the cached events that run without a gap up to {@code upTo}, oldest first. */
    private List<EventFrame> cachedTail(long after, long upTo) {
        List<EventFrame> tail = new ArrayList<>();
        long expected = upTo;
        for (EventFrame event : recent.subMap(after, false, upTo, true).descendingMap().values()) {
            if (event.seq() != expected) {
                break;
            }
            tail.add(0, event);
            expected--;
        }
        return tail;
    }

    void leave(ClientStream stream) {
        streams.remove(stream);
    }

    /** Ends the streams of someone who is no longer a member. */
    void closeStreamsOf(String username) {
        List.copyOf(streams).stream().filter(stream -> stream.username().equals(username)).forEach(ClientStream::close);
    }

    /** Retires the feed if nobody watches; a retired feed ignores everything. */
    synchronized boolean retireIfIdle() {
        if (streams.isEmpty()) {
            retired = true;
        }
        return retired;
    }

    private EventFrame rendered(BoardEvent event) {
        return new EventFrame(event, renderer);
    }

    /** Under the lock: the event is next in sequence; it goes out in order, after those before it. */
    private void deliver(BoardEvent event) {
        outbox.addLast(recent.computeIfAbsent(event.seq(), seq -> rendered(event)));
        lastSeq = event.seq();
        trimRecent();
        if (!fanningOut) {
            fanningOut = true;
            try {
                worker.execute(this::fanOut);
            } catch (RuntimeException rejected) {
                fanningOut = false;
            }
        }
    }

    /**
     * Renders each waiting event for the variants this board's streams need, outside the lock, then hands it to
     * them. A render that fails here is tried again by each stream's sender, which ends its stream if it fails too.
     */
    private void fanOut() {
        while (true) {
            EventFrame next;
            synchronized (this) {
                next = outbox.pollFirst();
                if (next == null) {
                    fanningOut = false;
                    return;
                }
            }
            prerender(next);
            synchronized (this) {
                BoardEvent event = next.event();
                if (event.endsStreamsOf() != null) {
                    closeStreamsOf(event.endsStreamsOf());
                }
                for (ClientStream stream : streams) {
                    stream.offer(next);
                }
            }
        }
    }

    private void prerender(EventFrame event) {
        try {
            streams.stream().map(ClientStream::view).distinct().forEach(event::frame);
        } catch (RuntimeException renderFailed) {
            logger.warn("Could not render event {} of board {} ({}); its streams' senders will try again",
                    event.seq(), boardId, renderFailed.toString());
        }
    }

    /** Under the lock: keeps the newest events within the count and the rendered size. */
    private void trimRecent() {
        while (recent.size() > recentCount) {
            recent.pollFirstEntry();
        }
        long chars = 0;
        for (Map.Entry<Long, EventFrame> entry : recent.descendingMap().entrySet()) {
            chars += entry.getValue().renderedSize();
            if (chars > recentChars) {
                recent.headMap(entry.getKey(), true).clear();
                break;
            }
        }
    }
}
