package io.boardcast.web;

import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Commands issued while Redis is disconnected wait for the reconnect (Lettuce's default), so a restart is ridden out;
 * {@link RedisConnectionState} turns requests away with the 503 page when Redis stays away, and a connected but slow
 * Redis (a pause, a failover) is waited for up to {@code spring.data.redis.timeout}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("redis")
class RedisClientConfig {

    /** Lettuce's default backs off to 30 s between reconnects; a restarted Redis is found within half a second. */
    @Bean
    ClientResourcesBuilderCustomizer reconnectSoon() {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(10), Duration.ofMillis(500), 2, TimeUnit.MILLISECONDS));
    }
}
