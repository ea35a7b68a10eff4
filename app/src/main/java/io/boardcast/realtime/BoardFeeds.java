package io.boardcast.realtime;

import io.boardcast.board.BoardAccess;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** This instance's registry of event streams, grouped into one feed per watched board. */
@Component
class BoardFeeds {

    /** Passed when the client names no event: start from whatever is current. */
    static final long FROM_NOW = -1;

    private final Map<Long, BoardFeed> feeds = new ConcurrentHashMap<>();
    private final EventLog log;
    private final BoardAccess access;
    private final FragmentRenderer renderer;
    private final RealtimeProperties properties;
    private final RealtimeMetrics metrics;
    private final Executor sender;
    private final TaskExecutor dispatcher;
    private final Clock clock;
    private volatile boolean shuttingDown;

    BoardFeeds(EventLog log, BoardAccess access, FragmentRenderer renderer, RealtimeProperties properties, RealtimeMetrics metrics,
            @Qualifier("streamSender") Executor sender, @Qualifier("feedDispatcher") TaskExecutor dispatcher,
            Clock clock) {
        this.log = log;
        this.access = access;
        this.renderer = renderer;
        this.properties = properties;
        this.metrics = metrics;
        this.sender = sender;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Opens a stream for a member who has seen the board up to {@code lastEventId} (or {@link #FROM_NOW}). */
    SseEmitter open(long boardId, String username, boolean canEdit, long lastEventId) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        BoardStream stream = new BoardStream(boardId, username, canEdit, emitter, properties.queueCapacity(), sender,
                metrics, clock, this::closed);
        emitter.onCompletion(stream::closedByContainer);
        emitter.onTimeout(stream::close);
        emitter.onError(error -> stream.closedByContainer());
        metrics.streamOpened();
        if (shuttingDown) {
            stream.close();
            return emitter;
        }
        long committed = log.lastSeq(boardId);
        while (true) {
            BoardFeed feed = feeds.computeIfAbsent(boardId, id -> new BoardFeed(id, committed, log,
                    renderer::render, metrics));
            long from = lastEventId == FROM_NOW ? feed.lastSeq() : lastEventId;
            if (from > committed) {
                // An id the database never issued (say, from before a reset): start over from the page.
                stream.greet(properties.reconnectDelay().toMillis());
                stream.resync(committed);
                return emitter;
            }
            if (feed.join(stream, from, properties.replayWindow(), properties.reconnectDelay().toMillis())) {
                return emitter;
            }
            feeds.remove(boardId, feed);
        }
    }

    /** A message from the bus; runs on the feed dispatcher thread. */
    void accept(BoardEvent event) {
        BoardFeed feed = feeds.get(event.boardId());
        if (feed != null) {
            feed.accept(event);
        }
    }

    /**
     * Compares every watched board with the database and delivers whatever this instance missed, and ends the
     * streams of people who are no longer members.
     */
    void sweep() {
        feeds.values().removeIf(BoardFeed::retireIfIdle);
        for (BoardFeed feed : feeds.values()) {
            Set<String> members = access.members(feed.boardId());
            List.copyOf(feed.streams()).stream()
                    .filter(stream -> !members.contains(stream.username()))
                    .forEach(BoardStream::close);
        }
        catchUpAll();
    }

    void catchUpAll() {
        List<BoardFeed> watched = new ArrayList<>(feeds.values());
        Map<Long, Long> committed = log.lastSeqs(watched.stream().map(BoardFeed::boardId).toList());
        for (BoardFeed feed : watched) {
            feed.catchUpTo(committed.getOrDefault(feed.boardId(), 0L));
        }
    }

    /** For callbacks on I/O threads that must not touch the database themselves. */
    void catchUpAllLater() {
        dispatcher.execute(this::catchUpAll);
    }

    void heartbeat() {
        feeds.values().forEach(feed -> feed.streams().forEach(BoardStream::heartbeat));
    }

    /**
     * Ends every stream as soon as shutdown begins, so browsers reconnect to another instance at once and graceful
     * shutdown doesn't wait for streams that never end by themselves.
     */
    @EventListener(ContextClosedEvent.class)
    void shutdown() {
        shuttingDown = true;
        feeds.values().forEach(feed -> List.copyOf(feed.streams()).forEach(BoardStream::close));
    }

    private void closed(BoardStream stream) {
        metrics.streamClosed();
        BoardFeed feed = feeds.get(stream.boardId());
        if (feed != null) {
            feed.leave(stream);
        }
    }
}
