package io.boardcast.realtime;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Redis pub/sub between instances. Pub/sub is at-most-once: a message published while a subscriber is away is gone.
 * So nothing depends on it alone: a gap in the sequence triggers a backfill from the log, a board's subscription
 * (first or renewed after a drop) catches that board up, and the periodic sweep catches what neither saw.
 * <p>
 * Redis is the fast path, never something a writer waits for: events are published by one thread of their own, in
 * commit order, from a bounded queue; when Redis is slow or away, what doesn't fit is left to the sweep.
 * <p>
 * Each board's events go on a channel of the board's own ({@link #boardChannel}), and its signals on another
 * ({@link #boardSignalChannel}): an instance subscribes to them only while it watches the board
 * ({@link RedisSubscriptions}), so it never hears the boards nobody watches there. Personal events go on one channel
 * for everyone ({@link #personalChannel}). Signals and personal events are not logged: one that is lost shows with
 * the next one, or when a stream reconnects.
 */
@Component
@Profile("redis")
class RedisEventBus implements EventBus {

    private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);

    private final StringRedisTemplate redis;
    private final RealtimeProperties properties;
    private final RealtimeMetrics metrics;
    private final ThreadPoolExecutor publisher;

    RedisEventBus(StringRedisTemplate redis, RealtimeProperties properties, RealtimeMetrics metrics) {
        this.redis = redis;
        this.properties = properties;
        this.metrics = metrics;
        // One thread keeps each board's messages in commit order (events are handed over after their commit).
        this.publisher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.publishQueueCapacity()),
                new CustomizableThreadFactory("event-publisher-"), (event, executor) -> metrics.publishFailed());
    }

    @Override
    public void publish(BoardEvent event) {
        publisher.execute(() -> send(event));
    }

    @Override
    public void publish(PersonalEvent event) {
        publisher.execute(() -> send(event));
    }

    @Override
    public void publish(SignalEvent signal) {
        publisher.execute(() -> send(signal));
    }

    /** One board's events: {@code <channel>:board:<boardId>}. */
    static String boardChannel(RealtimeProperties properties, long boardId) {
        return boardChannelPrefix(properties) + boardId;
    }

    static String boardChannelPrefix(RealtimeProperties properties) {
        return properties.channel() + ":board:";
    }

    /** One board's signals: its events' channel with {@code :signals} appended. */
    static String boardSignalChannel(RealtimeProperties properties, long boardId) {
        return boardChannel(properties, boardId) + ":signals";
    }

    private void send(SignalEvent signal) {
        try {
            redis.convertAndSend(boardSignalChannel(properties, signal.boardId()), signal.encode());
        } catch (RuntimeException redisDown) {
            metrics.publishFailed();
            log.warn("Could not publish a {} signal to Redis ({}); the next one shows the same", signal.kind(),
                    redisDown.toString());
        }
    }

    /** The personal events' channel: the board events' channel with {@code :personal} appended. */
    static String personalChannel(RealtimeProperties properties) {
        return properties.channel() + ":personal";
    }

    private void send(PersonalEvent event) {
        try {
            redis.convertAndSend(personalChannel(properties), event.encode());
        } catch (RuntimeException redisDown) {
            metrics.publishFailed();
            log.warn("Could not publish a personal event to Redis ({}); it shows with the next one",
                    redisDown.toString());
        }
    }

    private void send(BoardEvent event) {
        try {
            redis.convertAndSend(boardChannel(properties, event.boardId()), event.encode());
        } catch (RuntimeException redisDown) {
            // Already committed and logged: viewers get it from the sweep once Redis is back.
            metrics.publishFailed();
            log.warn("Could not publish board {} event {} to Redis ({}); the sweep will deliver it",
                    event.boardId(), event.seq(), redisDown.toString());
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        publisher.shutdown();
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("redis")
    static class Subscription {

        /** Personal events' channel from the start; boards' channels come and go ({@link RedisSubscriptions}). */
        @Bean
        RedisMessageListenerContainer boardEventListenerContainer(RedisConnectionFactory connectionFactory,
                PersonalEventListener personal, RealtimeProperties properties,
                @Qualifier("feedDispatcher") TaskExecutor dispatcher) {
            RedisMessageListenerContainer container = new RedisMessageListenerContainer();
            container.setConnectionFactory(connectionFactory);
            // One dispatcher thread keeps each board's messages in order and off Lettuce's I/O thread.
            container.setTaskExecutor(dispatcher);
            container.addMessageListener(personal, new ChannelTopic(personalChannel(properties)));
            // Started by RedisSubscriptions once the app is up, so Redis being down at boot doesn't stop it.
            container.setAutoStartup(false);
            // A start that can't subscribe fails at once and RedisSubscriptions tries again on its schedule: the
            // container's own retries sleep 5 s each, one inside the other, on the thread that called start.
            container.setRecoveryBackoff(new FixedBackOff(0, 0));
            return container;
        }

        /** The one thread that starts the container and changes its subscriptions, in order. */
        @Bean(destroyMethod = "shutdownNow")
        ScheduledExecutorService eventSubscriber() {
            CustomizableThreadFactory threads = new CustomizableThreadFactory("event-subscriber-");
            threads.setDaemon(true);
            return Executors.newSingleThreadScheduledExecutor(threads);
        }
    }

    @Component
    @Profile("redis")
    static class BoardEventListener implements MessageListener, SubscriptionListener {

        private final EmitterRegistry registry;
        private final String boardChannelPrefix;

        BoardEventListener(EmitterRegistry registry, RealtimeProperties properties) {
            this.registry = registry;
            this.boardChannelPrefix = boardChannelPrefix(properties);
        }

        @Override
        public void onMessage(Message message, byte[] pattern) {
            try {
                registry.accept(BoardEvent.decode(new String(message.getBody(), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException foreign) {
                log.warn("Ignored a message on the board channel that is not a board event");
            }
        }

        /**
         * The board's subscription is in place: whatever was published before it (since its feed was created, or
         * while the connection was down: also called after Lettuce re-subscribes on a new connection) is lost, so the
         * board is caught up from the log.
         */
        @Override
        public void onChannelSubscribed(byte[] channel, long count) {
            String name = new String(channel, StandardCharsets.UTF_8);
            if (name.startsWith(boardChannelPrefix)) {
                registry.catchUpLater(Long.parseLong(name.substring(boardChannelPrefix.length())));
            }
        }
    }

    @Component
    @Profile("redis")
    static class PersonalEventListener implements MessageListener {

        private final EmitterRegistry registry;

        PersonalEventListener(EmitterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void onMessage(Message message, byte[] pattern) {
            try {
                registry.accept(PersonalEvent.decode(new String(message.getBody(), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException foreign) {
                log.warn("Ignored a message on the personal channel that is not a personal event");
            }
        }
    }

    @Component
    @Profile("redis")
    static class SignalListener implements MessageListener {

        private final EmitterRegistry registry;

        SignalListener(EmitterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void onMessage(Message message, byte[] pattern) {
            try {
                registry.accept(SignalEvent.decode(new String(message.getBody(), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException foreign) {
                log.warn("Ignored a message on the signal channel that is not a signal");
            }
        }
    }
}
