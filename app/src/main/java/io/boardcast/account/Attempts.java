package io.boardcast.account;

import java.time.Duration;
import java.util.Optional;

/**
 * Counters of attempts per key in fixed windows: the first attempt opens a window of the given length, and the count
 * starts again after it. In memory on one instance ({@link InMemoryAttempts}), in Redis under the {@code redis}
 * profile ({@link RedisAttempts}), so that N instances behind a round-robin balancer do not allow N times the limit.
 */
interface Attempts {

    /** How long until the key's window ends, if it already holds {@code limit} attempts; else empty. */
    Optional<Duration> blocked(String key, int limit);

    /** Counts one attempt, opening a window of {@code window} if the key has none. */
    void add(String key, Duration window);
}
