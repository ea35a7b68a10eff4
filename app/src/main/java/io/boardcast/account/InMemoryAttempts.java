package io.boardcast.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@link Attempts} of this instance alone. Caffeine bounds the memory a flood of made-up usernames can take (the
 * oldest counters go first) and forgets a counter a window after its last attempt; the window itself is timed by the
 * app's clock.
 */
@Component
@Profile("!redis")
class InMemoryAttempts implements Attempts {

    private record Window(Instant end, int count, Duration length) {
    }

    private final Clock clock;
    private final Cache<String, Window> windows = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfter(Expiry.<String, Window>writing((key, window) -> window.length()))
            .build();

    InMemoryAttempts(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Duration> blocked(String key, int limit) {
        Instant now = clock.instant();
        Window window = windows.getIfPresent(key);
        if (window == null || !now.isBefore(window.end()) || window.count() < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.end()));
    }

    @Override
    public void add(String key, Duration length) {
        Instant now = clock.instant();
        windows.asMap().compute(key, (k, window) -> window == null || !now.isBefore(window.end())
                ? new Window(now.plus(length), 1, length)
                : new Window(window.end(), window.count() + 1, window.length()));
    }
}
