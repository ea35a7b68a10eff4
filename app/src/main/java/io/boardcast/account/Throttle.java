package io.boardcast.account;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per username and per client address, sign-ups per client address (limits in
 * {@link ThrottleProperties}). The client address is the request's remote address: behind nginx,
 * {@code server.forward-headers-strategy: native} has already made it the browser's.
 *
 * <p>Fixed-window counters rather than a token-bucket library (Bucket4j): a count and an expiry per key is all these
 * limits need, in memory (Caffeine) or in Redis (INCR and PEXPIRE), with nothing more to configure.
 */
@Component
class Throttle {

    /** Longer than any username sign-up accepts (40). */
    private static final int MAX_USERNAME_KEY = 64;

    private final Attempts attempts;
    private final ThrottleProperties limits;

    Throttle(Attempts attempts, ThrottleProperties limits) {
        this.attempts = attempts;
        this.limits = limits;
    }

    /** How long until this username may try again from this address, when either has failed too often. */
    Optional<Duration> signInBlocked(String username, String address) {
        return longest(attempts.blocked(userKey(username), limits.failedSignInsPerUsername()),
                attempts.blocked("sign-in:ip:" + address, limits.failedSignInsPerIp()));
    }

    void signInFailed(String username, String address) {
        attempts.add(userKey(username), limits.failedSignInWindow());
        attempts.add("sign-in:ip:" + address, limits.failedSignInWindow());
    }

    /**
     * A username as typed, cut to a length no account has: a sign-in form may carry a megabyte of "username", and a
     * counter key should not.
     */
    private static String userKey(String username) {
        return "sign-in:user:" + (username.length() > MAX_USERNAME_KEY ? username.substring(0, MAX_USERNAME_KEY)
                : username);
    }

    Optional<Duration> signUpBlocked(String address) {
        return attempts.blocked("sign-up:ip:" + address, limits.signUpsPerIp());
    }

    void signUpAttempted(String address) {
        attempts.add("sign-up:ip:" + address, limits.signUpWindow());
    }

    /** Whole seconds, rounded up, as people read "try again in N seconds". */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    @SafeVarargs
    private static Optional<Duration> longest(Optional<Duration>... waits) {
        return Stream.of(waits).flatMap(Optional::stream).max(Duration::compareTo);
    }
}
