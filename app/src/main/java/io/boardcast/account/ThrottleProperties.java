package io.boardcast.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on guessing passwords and on making accounts, counted per fixed window. Only failed sign-ins count, so
 * people who sign in (however many from one office address) are never slowed down.
 *
 * @param failedSignInsPerUsername failed sign-ins for one username, from anywhere, before it is refused for the rest
 *                                 of the window (a guessed password), even with the right password
 * @param failedSignInsPerIp       failed sign-ins from one client address, for any usernames (a sprayed password)
 * @param failedSignInWindow       the window both sign-in limits count in
 * @param signUpsPerIp             sign-ups from one client address (form errors do not count)
 * @param signUpWindow             the window sign-ups count in
 * @param keyPrefix                Redis key prefix of the counters under the {@code redis} profile
 */
@ConfigurationProperties("boardcast.throttle")
public record ThrottleProperties(
        int failedSignInsPerUsername,
        int failedSignInsPerIp,
        Duration failedSignInWindow,
        int signUpsPerIp,
        Duration signUpWindow,
        String keyPrefix) {
}
