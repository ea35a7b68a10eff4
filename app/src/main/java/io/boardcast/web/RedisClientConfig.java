package io.boardcast.web;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * While Redis is disconnected, commands fail at once instead of queueing until they time out, so a request that
 * needs its session gets the 503 page quickly (after {@link RedisConnectionState}'s short wait for a reconnect); a
 * connected but slow Redis (a pause, a failover) is waited for up to {@code spring.data.redis.timeout}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("redis")
class RedisClientConfig {

    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /** Lettuce's default backs off to 30 s between reconnects; a restarted Redis is found within half a second. */
    @Bean
    ClientResourcesBuilderCustomizer reconnectSoon() {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(10), Duration.ofMillis(500), 2, TimeUnit.MILLISECONDS));
    }
}
