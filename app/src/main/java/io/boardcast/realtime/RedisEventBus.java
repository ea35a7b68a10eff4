package io.boardcast.realtime;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Redis pub/sub between instances. Pub/sub is at-most-once: a message published while a subscriber is away is gone.
 * So nothing depends on it alone: a gap in the sequence triggers a backfill from the log, a resubscription catches up
 * every watched board, and the periodic sweep catches what neither saw.
 */
@Component
@Profile("redis")
class RedisEventBus implements EventBus {

    private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);

    private final StringRedisTemplate redis;
    private final RealtimeProperties properties;
    private final RealtimeMetrics metrics;

    RedisEventBus(StringRedisTemplate redis, RealtimeProperties properties, RealtimeMetrics metrics) {
        this.redis = redis;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    public void publish(BoardEvent event) {
        try {
            redis.convertAndSend(properties.channel(), event.encode());
        } catch (RuntimeException redisDown) {
            // Already committed and logged: viewers get it from the sweep once Redis is back.
            metrics.publishFailed();
            log.warn("Could not publish board {} event {} to Redis ({}); the sweep will deliver it",
                    event.boardId(), event.seq(), redisDown.toString());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("redis")
    static class Subscription {

        @Bean
        RedisMessageListenerContainer boardEventListenerContainer(RedisConnectionFactory connectionFactory,
                BoardEventListener listener, RealtimeProperties properties,
                @Qualifier("feedDispatcher") TaskExecutor dispatcher) {
            RedisMessageListenerContainer container = new RedisMessageListenerContainer();
            container.setConnectionFactory(connectionFactory);
            // One dispatcher thread keeps each board's messages in order and off Lettuce's I/O thread.
            container.setTaskExecutor(dispatcher);
            container.addMessageListener(listener, new ChannelTopic(properties.channel()));
            return container;
        }
    }

    @Component
    @Profile("redis")
    static class BoardEventListener implements MessageListener, SubscriptionListener {

        private final BoardFeeds feeds;

        BoardEventListener(BoardFeeds feeds) {
            this.feeds = feeds;
        }

        @Override
        public void onMessage(Message message, byte[] pattern) {
            try {
                feeds.accept(BoardEvent.decode(new String(message.getBody(), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException foreign) {
                log.warn("Ignored a message on the board channel that is not a board event");
            }
        }

        /** Also called after Lettuce re-subscribes on a new connection: whatever was published meanwhile is lost. */
        @Override
        public void onChannelSubscribed(byte[] channel, long count) {
            feeds.catchUpAllLater();
        }
    }
}
