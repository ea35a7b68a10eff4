package io.boardcast.account;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * {@link Attempts} shared by every instance: one Redis key per counter, INCR and a PEXPIRE set by the first attempt
 * (one script, so a counter never lives without its expiry). Redis times the window.
 */
@Component
@Profile("redis")
class RedisAttempts implements Attempts {

    private static final RedisScript<Long> ADD = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return count""", Long.class);

    /** Milliseconds left in the window when the count has reached the limit, else -1. */
    private static final RedisScript<Long> BLOCKED = RedisScript.of("""
            local count = tonumber(redis.call('GET', KEYS[1]) or '0')
            if count < tonumber(ARGV[1]) then return -1 end
            local left = redis.call('PTTL', KEYS[1])
            if left > 0 then return left end
            return -1""", Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;

    RedisAttempts(StringRedisTemplate redis, ThrottleProperties properties) {
        this.redis = redis;
        this.prefix = properties.keyPrefix() + ":";
    }

    @Override
    public Optional<Duration> blocked(String key, int limit) {
        Long left = redis.execute(BLOCKED, List.of(prefix + key), Integer.toString(limit));
        return left == null || left < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(left));
    }

    @Override
    public void add(String key, Duration window) {
        redis.execute(ADD, List.of(prefix + key), Long.toString(window.toMillis()));
    }
}
