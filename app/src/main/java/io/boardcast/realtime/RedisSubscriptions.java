package io.boardcast.realtime;

import io.boardcast.realtime.RedisEventBus.BoardEventListener;
import io.boardcast.realtime.RedisEventBus.SignalListener;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Subscribes this instance to the channels of the boards it watches (those with a {@link BoardFeed} here) and to no
 * others, so an instance hears the boards it has viewers of and none of the rest, however many the cluster has.
 * <p>
 * Every operation on the listener container runs on one thread of its own ({@code eventSubscriber}), in order: the
 * container's start, retried while Redis is unreachable (an instance starts without Redis), and each change of the
 * boards' subscriptions, which waits for Redis to confirm it (or, while Redis is away, for the command timeout). The
 * registry's threads only say that the watched boards changed; this thread then brings the subscriptions in line
 * with the boards watched at that moment, so however a board's first viewer and its feed's retirement interleave,
 * the last word is the current set.
 * <p>
 * What a board's subscription misses before Redis confirms it is read from the log on the confirmation
 * ({@link BoardEventListener#onChannelSubscribed}). A change that fails restarts the container, which subscribes
 * every watched board afresh, so each of them is caught up too; until then the sweep delivers.
 */
@Component
@Profile("redis")
class RedisSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(RedisSubscriptions.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final RedisMessageListenerContainer container;
    private final EmitterRegistry registry;
    private final BoardEventListener events;
    private final SignalListener signals;
    private final RealtimeProperties properties;
    private final ScheduledExecutorService subscriber;
    private final AtomicBoolean changeQueued = new AtomicBoolean();
    /** Boards whose channels the container has; touched on the subscriber thread only. */
    private final Set<Long> subscribed = new HashSet<>();
    /** A start is scheduled to retry; subscriber thread only. */
    private boolean retrying;
    private volatile boolean stopping;

    RedisSubscriptions(@Qualifier("boardEventListenerContainer") RedisMessageListenerContainer container,
            EmitterRegistry registry, BoardEventListener events, SignalListener signals, RealtimeProperties properties,
            @Qualifier("eventSubscriber") ScheduledExecutorService subscriber) {
        this.container = container;
        this.registry = registry;
        this.events = events;
        this.signals = signals;
        this.properties = properties;
        this.subscriber = subscriber;
        registry.onWatchedBoardsChanged(this::watchedBoardsChanged);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        subscriber.execute(this::listen);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        stopping = true;
    }

    /** Called on request threads and the sweep: queues one update for however many changes come meanwhile. */
    private void watchedBoardsChanged() {
        if (changeQueued.compareAndSet(false, true)) {
            try {
                subscriber.execute(this::followWatchedBoards);
            } catch (RejectedExecutionException shuttingDown) {
                changeQueued.set(false);
            }
        }
    }

    private void followWatchedBoards() {
        changeQueued.set(false);
        Set<Long> watched = registry.watchedBoards();
        List<Long> left = subscribed.stream().filter(boardId -> !watched.contains(boardId)).toList();
        List<Long> arrived = watched.stream().filter(boardId -> !subscribed.contains(boardId)).toList();
        try {
            if (!left.isEmpty()) {
                subscribed.removeAll(left);
                container.removeMessageListener(events, topics(left, this::boardChannel));
                container.removeMessageListener(signals, topics(left, this::boardSignalChannel));
            }
            if (!arrived.isEmpty()) {
                // The container keeps them from here on: a (re)start subscribes to whatever it has.
                subscribed.addAll(arrived);
                container.addMessageListener(events, topics(arrived, this::boardChannel));
                container.addMessageListener(signals, topics(arrived, this::boardSignalChannel));
            }
        } catch (RuntimeException redisAway) {
            log.warn("Could not change the subscriptions of {} boards ({}); subscribing afresh",
                    left.size() + arrived.size(), redisAway.toString());
            restart();
        }
    }

    /** A start that failed or a subscription change that did: subscribe everything afresh, unless already retrying. */
    private void restart() {
        if (!retrying) {
            try {
                container.stop();
            } catch (RuntimeException alreadyGone) {
                log.warn("Could not stop the subscriptions cleanly ({}); starting afresh", alreadyGone.toString());
            }
            listen();
        }
    }

    private void listen() {
        if (stopping || container.isListening()) {
            retrying = false;
            return;
        }
        try {
            // A start that failed to subscribe leaves the container running but not listening.
            if (container.isRunning()) {
                container.stop();
            }
            container.start();
        } catch (RuntimeException redisDown) {
            log.warn("Could not subscribe to Redis ({}); retrying every {} s", redisDown.toString(), RETRY.toSeconds());
        }
        retrying = !container.isListening();
        if (retrying) {
            subscriber.schedule(this::listen, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private String boardChannel(long boardId) {
        return RedisEventBus.boardChannel(properties, boardId);
    }

    private String boardSignalChannel(long boardId) {
        return RedisEventBus.boardSignalChannel(properties, boardId);
    }

    private static List<ChannelTopic> topics(Collection<Long> boardIds, LongFunction<String> channel) {
        return boardIds.stream().map(boardId -> new ChannelTopic(channel.apply(boardId))).toList();
    }
}
