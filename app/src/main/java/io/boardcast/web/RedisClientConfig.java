package io.boardcast.web;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * While Redis is disconnected, commands fail at once instead of queueing until they time out, so a request that
 * needs its session gets the 503 page immediately; a connected but slow Redis (a pause, a failover) is waited for up
 * to {@code spring.data.redis.timeout}. Lettuce keeps reconnecting in the background either way.
 */
@Configuration(proxyBeanMethods = false)
@Profile("redis")
class RedisClientConfig {

    @Bean
    LettuceClientConfigurationBuilderCustomizer failFastWhileDisconnected(DataRedisProperties properties) {
        return builder -> {
            SocketOptions.Builder socket = SocketOptions.builder();
            if (properties.getConnectTimeout() != null) {
                socket.connectTimeout(properties.getConnectTimeout());
            }
            builder.clientOptions(ClientOptions.builder()
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .socketOptions(socket.build())
                    .timeoutOptions(TimeoutOptions.enabled())
                    .build());
        };
    }
}
