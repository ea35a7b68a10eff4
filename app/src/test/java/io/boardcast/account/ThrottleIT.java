package io.boardcast.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.Fixtures;
import io.boardcast.support.Instance;
import io.boardcast.support.MutableClock;
import io.boardcast.testsupport.WebSession.Answer;
import io.boardcast.testsupport.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Failed sign-ins are limited per username and per client address, sign-ups per client address: on one instance
 * (counters in memory, a clock the tests move) and across instances (counters in Redis). Each test is a client of
 * its own, named in X-Forwarded-For as nginx would.
 */
class ThrottleIT {

    private static final String[] LIMITS = {
            "boardcast.throttle.failed-sign-ins-per-username=3",
            "boardcast.throttle.failed-sign-ins-per-ip=5",
            "boardcast.throttle.failed-sign-in-window=15m",
            "boardcast.throttle.sign-ups-per-ip=2",
            "boardcast.throttle.sign-up-window=1h",
            // Three instances on a PostgreSQL other test runs share: a few connections each are plenty here.
            "spring.datasource.hikari.maximum-pool-size=3"};
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"));

    private static Instance alone;
    private static Instance one;
    private static Instance two;

    @BeforeAll
    static void start() {
        alone = Instance.start(clock, "postgres", LIMITS);
        one = Instance.start("postgres,redis", LIMITS);
        two = Instance.start("postgres,redis", LIMITS);
    }

    @AfterAll
    static void stop() {
        Instance.closeAll(two, one, alone);
    }

    @Test
    void failedSignInsPerUsernameAreThrottledWithA429EvenForTheRightPassword() {
        String username = alone.fixtures().user("guessed");

        for (int i = 0; i < 3; i++) {
            assertThat(signIn(alone, newClient(), username, "wrong guess " + i).location()).endsWith("/login?error");
        }
        Answer throttled = signIn(alone, newClient(), username, Fixtures.PASSWORD);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.body()).contains("Too many attempts, try again in 900 seconds.");
    }

    @Test
    void throttledSignInIsAllowedAgainOnceTheWindowHasPassed() {
        String username = alone.fixtures().user("patient");
        String client = newClient();
        for (int i = 0; i < 3; i++) {
            signIn(alone, client, username, "wrong guess " + i);
        }
        assertThat(signIn(alone, client, username, Fixtures.PASSWORD).status()).isEqualTo(429);

        clock.advance(Duration.ofMinutes(15));

        assertThat(signIn(alone, client, username, Fixtures.PASSWORD).location()).endsWith("/boards");
    }

    @Test
    void failedSignInsPerAddressAreThrottledAcrossUsernames() {
        String username = alone.fixtures().user("sprayed");
        String sprayer = newClient();

        for (int i = 0; i < 5; i++) {
            assertThat(signIn(alone, sprayer, "nobody-" + i + "-" + System.nanoTime(), "password1").location())
                    .endsWith("/login?error");
        }

        assertThat(signIn(alone, sprayer, username, Fixtures.PASSWORD).status()).isEqualTo(429);
        assertThat(signIn(alone, newClient(), username, Fixtures.PASSWORD).location()).endsWith("/boards");
    }

    @Test
    void successfulSignInsAreNeverCounted() {
        String username = alone.fixtures().user("regular");
        String client = newClient();

        for (int i = 0; i < 12; i++) {
            assertThat(signIn(alone, client, username, Fixtures.PASSWORD).location()).endsWith("/boards");
        }
    }

    @Test
    void signUpsPerAddressAreThrottledWithAnInlineMessage() {
        WebSession browser = WebSession.newBrowser(alone.baseUrl()).from(newClient());
        for (int i = 0; i < 2; i++) {
            assertThat(signUp(browser, "joiner-" + i).location()).endsWith("/login?signedUp");
        }

        Answer throttled = signUp(browser, "joiner-2");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.body()).contains("Too many attempts, try again in 3600 seconds.", "Create an account");
        assertThat(signUp(WebSession.newBrowser(alone.baseUrl()).from(newClient()), "joiner-3").location())
                .endsWith("/login?signedUp");
    }

    @Test
    void signUpFormsWithMistakesDoNotCount() {
        WebSession browser = WebSession.newBrowser(alone.baseUrl()).from(newClient());
        for (int i = 0; i < 3; i++) {
            assertThat(browser.post("/signup", Map.of("username", "typo-" + System.nanoTime(), "password", "short"))
                    .status()).isEqualTo(422);
        }

        assertThat(signUp(browser, "careful").location()).endsWith("/login?signedUp");
    }

    @Test
    void failedSignInsCountOnEveryInstanceUnderTheRedisProfile() {
        String username = one.fixtures().user("roaming");
        String client = newClient();

        signIn(one, client, username, "wrong guess 1");
        signIn(two, client, username, "wrong guess 2");
        signIn(one, client, username, "wrong guess 3");

        Answer throttled = signIn(two, client, username, Fixtures.PASSWORD);
        assertThat(throttled.status()).isEqualTo(429);
        Matcher wait = Pattern.compile("Too many attempts, try again in (\\d+) seconds\\.").matcher(throttled.body());
        assertThat(wait.find()).isTrue();
        assertThat(Integer.parseInt(wait.group(1))).as("seconds left of Redis's 15-minute window").isBetween(1, 900);
    }

    @Test
    void signUpsCountOnEveryInstanceUnderTheRedisProfile() {
        String client = newClient();

        assertThat(signUp(WebSession.newBrowser(one.baseUrl()).from(client), "first").location()).endsWith("/login?signedUp");
        assertThat(signUp(WebSession.newBrowser(two.baseUrl()).from(client), "second").location()).endsWith("/login?signedUp");

        assertThat(signUp(WebSession.newBrowser(one.baseUrl()).from(client), "third").status()).isEqualTo(429);
    }

    @Test
    void aMegabyteUsernameIsCountedUnderAShortKey() {
        String huge = "x".repeat(200_000);

        assertThat(signIn(one, newClient(), huge, "wrong guess").location()).endsWith("/login?error");

        Set<String> keys = one.bean(StringRedisTemplate.class)
                .keys("boardcast:" + Instance.RUN + ":throttle:sign-in:user:x*");
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key).hasSizeLessThan(200));
    }

    private static Answer signIn(Instance instance, String client, String username, String password) {
        return WebSession.newBrowser(instance.baseUrl()).from(client)
                .post("/login", Map.of("username", username, "password", password));
    }

    private static Answer signUp(WebSession browser, String name) {
        return browser.post("/signup", Map.of("username", name + "-" + System.nanoTime(), "password", "long enough"));
    }

    /** A client address of its own: 10.x.y.z, never seen before in this run. */
    private static String newClient() {
        int n = CLIENTS.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }
}
