package io.boardcast.realtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
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

/**
 * Redis pub/sub between instances. Pub/sub is at-most-once: a message published while a subscriber is away is gone.
 * So nothing depends on it alone: a gap in the sequence triggers a backfill from the log, a resubscription catches up
 * every watched board, and the periodic sweep catches what neither saw.
 * <p>
 * Redis is the fast path, never something a writer waits for: events are published by one thread of their own, in
 * commit order, from a bounded queue; when Redis is slow or away, what doesn't fit is left to the sweep.
 * <p>
 * Personal events go on a channel of their own ({@link #personalChannel}), so an instance that doesn't know them
 * never hears them; so do signals ({@link #signalChannel}). They are not logged: one that is lost shows with the person's next one, or when a personal
 * stream reconnects.
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

    /** The signals' channel: the board events' channel with {@code :signals} appended. */
    static String signalChannel(RealtimeProperties properties) {
        return properties.channel() + ":signals";
    }

    private void send(SignalEvent signal) {
        try {
            redis.convertAndSend(signalChannel(properties), signal.encode());
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
            redis.convertAndSend(properties.channel(), event.encode());
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

        @Bean
        RedisMessageListenerContainer boardEventListenerContainer(RedisConnectionFactory connectionFactory,
                BoardEventListener listener, PersonalEventListener personal, SignalListener signals,
                RealtimeProperties properties,
                @Qualifier("feedDispatcher") TaskExecutor dispatcher) {
            RedisMessageListenerContainer container = new RedisMessageListenerContainer();
            container.setConnectionFactory(connectionFactory);
            // One dispatcher thread keeps each board's messages in order and off Lettuce's I/O thread.
            container.setTaskExecutor(dispatcher);
            container.addMessageListener(listener, new ChannelTopic(properties.channel()));
            container.addMessageListener(personal, new ChannelTopic(personalChannel(properties)));
            container.addMessageListener(signals, new ChannelTopic(signalChannel(properties)));
            // Started by SubscriptionStarter once the app is up, so Redis being down at boot doesn't stop it.
            container.setAutoStartup(false);
            return container;
        }
    }

    /**
     * Subscribes in the background and keeps trying while Redis is unreachable; the instance serves pages (and its
     * streams catch up from the sweep) meanwhile. Once subscribed, Lettuce re-subscribes by itself after a drop.
     */
    @Component
    @Profile("redis")
    static class SubscriptionStarter {

        private static final Duration RETRY = Duration.ofSeconds(1);

        private final RedisMessageListenerContainer container;
        private volatile boolean stopping;

        SubscriptionStarter(@Qualifier("boardEventListenerContainer") RedisMessageListenerContainer container) {
            this.container = container;
        }

        @EventListener(ApplicationReadyEvent.class)
        void subscribe() {
            Thread starter = new Thread(this::startUntilSubscribed, "event-subscriber-start");
            starter.setDaemon(true);
            starter.start();
        }

        private void startUntilSubscribed() {
            while (!stopping && !container.isListening()) {
                try {
                    // A start that failed to subscribe leaves the container running but not listening.
                    if (container.isRunning()) {
                        container.stop();
                    }
                    container.start();
                } catch (RuntimeException redisDown) {
                    log.warn("Could not subscribe to Redis ({}); retrying every {} s", redisDown.toString(),
                            RETRY.toSeconds());
                    try {
                        Thread.sleep(RETRY.toMillis());
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }

        @EventListener(ContextClosedEvent.class)
        void stop() {
            stopping = true;
        }
    }

    @Component
    @Profile("redis")
    static class BoardEventListener implements MessageListener, SubscriptionListener {

        private final EmitterRegistry registry;

        BoardEventListener(EmitterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void onMessage(Message message, byte[] pattern) {
            try {
                registry.accept(BoardEvent.decode(new String(message.getBody(), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException foreign) {
                log.warn("Ignored a message on the board channel that is not a board event");
            }
        }

        /** Also called after Lettuce re-subscribes on a new connection: whatever was published meanwhile is lost. */
        @Override
        public void onChannelSubscribed(byte[] channel, long count) {
            registry.catchUpAllLater();
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
