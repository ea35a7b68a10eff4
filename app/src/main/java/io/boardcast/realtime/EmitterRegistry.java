package io.boardcast.realtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This instance's registry of client streams (one per browser tab watching a board), grouped into one {@link BoardFeed}
 * per watched board. Every stream, board or {@link ClientStream#PERSONAL personal}, is also listed by its user, so a
 * personal event reaches each tab of that person here, whatever page it shows.
 */
@Component
class EmitterRegistry {

    private static final Logger logger = LoggerFactory.getLogger(EmitterRegistry.class);

    /** Passed when the client names no event: start from whatever is current. */
    static final long FROM_NOW = -1;

    /** What the registry reads from the board's log: the {@link EventLog} in the app, a list in unit tests. */
    interface Log extends BoardFeed.Log {

        /** The sequence number of the board's latest committed change (0 for none). */
        long lastSeq(long boardId);

        /** The latest committed sequence number of each board that has one. */
        Map<Long, Long> lastSeqs(Collection<Long> boardIds);
    }

    private final Map<Long, BoardFeed> feeds = new ConcurrentHashMap<>();
    /** Told (on the thread that changed it, never waiting) when a board gets its first feed here or its feed retires. */
    private volatile Runnable watchedBoardsChanged = () -> { };
    /** Boards to catch up from the log by the next queued catch-up, in one read. */
    private final Set<Long> toCatchUp = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean catchUpQueued = new AtomicBoolean();
    /** Every open stream of this instance by username; the sets are concurrent. */
    private final Map<String, Set<ClientStream>> byUser = new ConcurrentHashMap<>();
    /**
     * The board streams of pages that named themselves, announced to the {@link StreamListener}s until announced
     * closed; the streams that signals go to. (A stream that names no page, a script's or a test's, takes no part.)
     */
    private final Map<ClientStream, OpenStream> announced = new ConcurrentHashMap<>();
    private final List<StreamListener> listeners;
    private final PersonalFrames personal;
    private final StreamLimits limits;
    private final Log log;
    private final ViewerAccess access;
    private final FragmentRenderer renderer;
    private final RealtimeProperties properties;
    private final RealtimeMetrics metrics;
    private final Executor sender;
    private final Executor worker;
    private final Clock clock;
    private volatile boolean shuttingDown;

    EmitterRegistry(Log log, ViewerAccess access, FragmentRenderer renderer, PersonalFrames personal,
            RealtimeProperties properties, RealtimeMetrics metrics, Executor sender, Executor worker, Clock clock) {
        this(log, access, renderer, personal, properties, metrics, sender, worker, clock, List.of());
    }

    @Autowired
    EmitterRegistry(Log log, ViewerAccess access, FragmentRenderer renderer, PersonalFrames personal,
            RealtimeProperties properties, RealtimeMetrics metrics, @Qualifier("streamSender") Executor sender,
            @Qualifier("feedWorker") Executor worker, Clock clock, List<StreamListener> listeners) {
        this.listeners = List.copyOf(listeners);
        this.log = log;
        this.personal = personal;
        this.access = access;
        this.renderer = renderer;
        this.properties = properties;
        this.metrics = metrics;
        this.sender = sender;
        this.worker = worker;
        this.clock = clock;
        this.limits = new StreamLimits(properties.maxStreamsPerSession(), properties.maxStreamsPerUser());
    }

    /**
     * Opens a stream for a member who has seen the board up to {@code lastEventId} (or {@link #FROM_NOW}).
     *
     * @throws StreamLimits.TooManyStreams when the session or the user already has as many streams as allowed
     */
    SseEmitter open(long boardId, String username, String sessionId, PageView view, long lastEventId) {
        return open(boardId, username, sessionId, view, lastEventId, null, 0);
    }

    /**
     * {@link #open} for a page that names itself ({@code page}; null: not a page, which gets no signals and is told
     * to no listener) and, on a task page, names its task (only told to the {@link StreamListener}s).
     */
    SseEmitter open(long boardId, String username, String sessionId, PageView view, long lastEventId, String page,
            long taskId) {
        return open(boardId, username, sessionId, view, lastEventId,
                new SseEmitter(properties.streamTimeout().toMillis()), page, taskId);
    }

    /** {@link #open} writing to the given emitter (unit tests pass one that records what is written). */
    SseEmitter open(long boardId, String username, String sessionId, PageView view, long lastEventId,
            SseEmitter emitter) {
        return open(boardId, username, sessionId, view, lastEventId, emitter, null, 0);
    }

    SseEmitter open(long boardId, String username, String sessionId, PageView view, long lastEventId,
            SseEmitter emitter, String page, long taskId) {
        limits.acquire(username, sessionId);
        ClientStream stream = new ClientStream(boardId, username, sessionId, view, emitter,
                properties.queueCapacity(), sender, metrics, clock, this::closed);
        emitter.onCompletion(stream::closedByContainer);
        emitter.onTimeout(stream::close);
        emitter.onError(error -> stream.closedByContainer());
        metrics.streamOpened();
        listByUser(stream);
        if (shuttingDown) {
            stream.close();
            return emitter;
        }
        long reconnectDelay = properties.reconnectDelay().toMillis();
        long committed = log.lastSeq(boardId);
        if (lastEventId > committed) {
            // An id the database never issued (say, from before a reset): start over from the page.
            stream.greet(reconnectDelay);
            stream.resync(committed);
            return emitter;
        }
        while (true) {
            boolean[] created = {false};
            BoardFeed feed = feeds.computeIfAbsent(boardId, id -> {
                created[0] = true;
                return new BoardFeed(id, committed, log, worker, this::timedRender, metrics,
                        properties.replayWindow(), properties.recentCacheChars());
            });
            if (created[0]) {
                watchedBoardsChanged.run();
            }
            BoardFeed.Joined joined = feed.join(stream, lastEventId, properties.replayWindow(), reconnectDelay);
            if (joined == BoardFeed.Joined.RETIRED) {
                feeds.remove(boardId, feed);
                continue;
            }
            if (created[0]) {
                // An event published between reading `committed` and registering the feed found no feed here.
                feed.catchUpTo(log.lastSeq(boardId));
            }
            if (joined == BoardFeed.Joined.REPLAYING) {
                replay(feed, stream, lastEventId);
            }
            if (joined != BoardFeed.Joined.RESYNC && page != null) {
                announce(stream, new OpenStream(UUID.randomUUID().toString(), page, boardId, taskId, username, view));
            }
            return emitter;
        }
    }

    /**
     * Opens a stream of the user's personal events only, for a page without a board stream. It starts with their bell
     * as it is now and toasts for notifications after {@code lastNotificationId} (bounded; {@link #FROM_NOW}: none),
     * so a reconnect repairs what a lost message left stale.
     *
     * @throws StreamLimits.TooManyStreams when the session or the user already has as many streams as allowed
     */
    SseEmitter openPersonal(String username, String sessionId, long lastNotificationId) {
        return openPersonal(username, sessionId, lastNotificationId, new SseEmitter(properties.streamTimeout().toMillis()));
    }

    /** {@link #openPersonal} writing to the given emitter. */
    SseEmitter openPersonal(String username, String sessionId, long lastNotificationId, SseEmitter emitter) {
        limits.acquire(username, sessionId);
        ClientStream stream = new ClientStream(ClientStream.PERSONAL, username, sessionId, PageView.unfiltered(false), emitter,
                properties.queueCapacity(), sender, metrics, clock, this::closed);
        emitter.onCompletion(stream::closedByContainer);
        emitter.onTimeout(stream::close);
        emitter.onError(error -> stream.closedByContainer());
        metrics.streamOpened();
        listByUser(stream);
        if (shuttingDown) {
            stream.close();
            return emitter;
        }
        stream.greet(properties.reconnectDelay().toMillis());
        stream.offerPersonal(personal.catchUp(username, lastNotificationId));
        return emitter;
    }

    /**
     * A personal event from the bus, for each of its user's streams here (board and personal ones); runs on the
     * dispatcher and never waits for I/O: the frame is rendered by the first stream's sender.
     */
    void accept(PersonalEvent event) {
        Set<ClientStream> streams = byUser.get(event.username());
        if (streams != null && !streams.isEmpty()) {
            PersonalFrame frame = personal.of(event);
            streams.forEach(stream -> stream.offerPersonal(frame));
        }
    }

    /**
     * Tells the listeners a stream is open, unless it has closed already. Listeners hear {@code opened} first:
     * whoever takes the stream out of {@link #announced} (its close, or this if the close came first) tells them
     * {@code closed}, once.
     */
    private void announce(ClientStream stream, OpenStream open) {
        if (stream.isClosed()) {
            return;
        }
        listeners.forEach(listener -> listener.opened(open));
        announced.put(stream, open);
        if (stream.isClosed() && announced.remove(stream) != null) {
            listeners.forEach(listener -> listener.closed(open));
        }
    }

    private void listByUser(ClientStream stream) {
        byUser.computeIfAbsent(stream.username(), user -> ConcurrentHashMap.newKeySet()).add(stream);
        if (stream.isClosed()) {
            unlistByUser(stream); // closed by its container before it was listed
        }
    }

    private void unlistByUser(ClientStream stream) {
        byUser.computeIfPresent(stream.username(), (user, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    private void replay(BoardFeed feed, ClientStream stream, long lastEventId) {
        try {
            feed.replay(stream, lastEventId);
        } catch (RuntimeException logUnreachable) {
            // The client keeps its last event id and tries again after the reconnect delay.
            logger.warn("Could not replay board {} ({}); the stream ends", feed.boardId(), logUnreachable.toString());
            stream.close();
        }
    }

    /**
     * A signal from the bus, for every page of its board here (streams that named their page); runs on the
     * dispatcher and never waits for I/O: the frame is rendered once, by the first stream's sender.
     */
    void accept(SignalEvent signal) {
        metrics.signalReceived();
        BoardFeed feed = feeds.get(signal.boardId());
        if (feed == null) {
            return;
        }
        List<ClientStream> pages = feed.streams().stream().filter(announced::containsKey).toList();
        if (!pages.isEmpty()) {
            PersonalFrame frame = new PersonalFrame("signal",
                    () -> new PersonalFrame.Rendered(renderer.render(signal), 0));
            pages.forEach(stream -> stream.offerPersonal(frame));
        }
    }

    /** A message from the bus; runs on the feed dispatcher thread and never waits for I/O. */
    void accept(BoardEvent event) {
        metrics.received();
        BoardFeed feed = feeds.get(event.boardId());
        if (feed != null) {
            feed.accept(event);
        }
    }

    /**
     * Compares every watched board with the database and delivers whatever this instance missed, and ends the
     * streams of people who are no longer members (removal normally ends them at once, as a board event).
     */
    void sweep() {
        // Idle feeds retire here rather than when their last stream leaves: a viewer moving to another page of the
        // board reopens its stream at once, and the board's subscription and recent events are still here for it.
        if (feeds.values().removeIf(BoardFeed::retireIfIdle)) {
            watchedBoardsChanged.run();
        }
        for (BoardFeed feed : feeds.values()) {
            Set<String> members = access.members(feed.boardId());
            List.copyOf(feed.streams()).stream()
                    .filter(stream -> !members.contains(stream.username()))
                    .forEach(ClientStream::close);
        }
        catchUpAll();
    }

    void catchUpAll() {
        catchUp(new ArrayList<>(feeds.values()));
    }

    private void catchUp(List<BoardFeed> watched) {
        Map<Long, Long> committed = log.lastSeqs(watched.stream().map(BoardFeed::boardId).toList());
        for (BoardFeed feed : watched) {
            feed.catchUpTo(committed.getOrDefault(feed.boardId(), 0L));
        }
    }

    /**
     * Catches a board's feed up from the log on a worker, for callbacks on threads that must not touch the database
     * (a subscription confirmed: whatever was published before it is lost). Boards asked for meanwhile share one read.
     */
    void catchUpLater(long boardId) {
        toCatchUp.add(boardId);
        if (catchUpQueued.compareAndSet(false, true)) {
            try {
                worker.execute(this::catchUpQueued);
            } catch (RejectedExecutionException shuttingDown) {
                catchUpQueued.set(false);
            }
        }
    }

    private void catchUpQueued() {
        catchUpQueued.set(false);
        List<BoardFeed> watched = new ArrayList<>();
        for (Long boardId : List.copyOf(toCatchUp)) {
            toCatchUp.remove(boardId);
            BoardFeed feed = feeds.get(boardId);
            if (feed != null) {
                watched.add(feed);
            }
        }
        try {
            if (!watched.isEmpty()) {
                catchUp(watched);
            }
        } catch (RuntimeException databaseDown) {
            logger.warn("Could not catch up {} boards after subscribing ({}); the sweep retries", watched.size(),
                    databaseDown.toString());
        }
    }

    /** The boards with a feed here: those this instance has (or just had) viewers of. */
    Set<Long> watchedBoards() {
        return Set.copyOf(feeds.keySet());
    }

    /** Sets who is told when {@link #watchedBoards} changes; the callback must not wait (it runs on request threads). */
    void onWatchedBoardsChanged(Runnable callback) {
        watchedBoardsChanged = callback;
    }

    void heartbeat() {
        byUser.values().forEach(streams -> streams.forEach(ClientStream::heartbeat));
    }

    /**
     * Ends every stream as soon as shutdown begins, so browsers reconnect to another instance at once and graceful
     * shutdown doesn't wait for streams that never end by themselves.
     */
    @EventListener(ContextClosedEvent.class)
    void shutdown() {
        shuttingDown = true;
        byUser.values().forEach(streams -> List.copyOf(streams).forEach(ClientStream::close));
    }

    private void closed(ClientStream stream) {
        OpenStream open = announced.remove(stream);
        if (open != null) {
            listeners.forEach(listener -> listener.closed(open));
        }
        metrics.streamClosed();
        limits.release(stream.username(), stream.sessionId());
        unlistByUser(stream);
        BoardFeed feed = feeds.get(stream.boardId());
        if (feed != null) {
            feed.leave(stream);
        }
    }

    /** A board event's fragments for one view, timed ({@code boardcast.events.render}). */
    private String timedRender(BoardEvent event, PageView view) {
        return metrics.rendered(() -> renderer.render(event, view));
    }
}
