package io.boardcast.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.Fixtures;
import io.boardcast.support.Instance;
import io.boardcast.testsupport.SseClient.Frame;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Two instances sharing PostgreSQL and Redis, each with a viewer of a board of its own: each instance hears the
 * boards it has viewers of and none of the others', and a board's first viewer on an instance misses nothing while
 * the instance subscribes to the board. No periodic sweep here, so nothing is delivered by it.
 */
class BoardRoutingIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Long enough for a message on its way to have arrived; what is asserted must hold all along. */
    private static final Duration QUIET = Duration.ofMillis(700);

    private static Instance one;
    private static Instance two;

    @BeforeAll
    static void startInstances() {
        // Heartbeats notice a client that left within moments.
        String[] settings = {"boardcast.realtime.sweep-interval=1h", "boardcast.realtime.heartbeat-interval=200ms"};
        one = Instance.start("postgres,redis", settings);
        two = Instance.start("postgres,redis", settings);
    }

    @AfterAll
    static void stopInstances() {
        Instance.closeAll(one, two);
    }

    @Test
    void anInstanceReceivesTheEventsOfBoardsWatchedThereAndNoneOfTheOthers() {
        Team watchedOnOne = one.fixtures().team();
        Team watchedOnTwo = one.fixtures().team();
        try (SseClient onOne = SseClient.open(signIn(one, watchedOnOne), watchedOnOne.boardPath() + "/events", "1");
                SseClient onTwo = SseClient.open(signIn(two, watchedOnTwo), watchedOnTwo.boardPath() + "/events", "1")) {
            await().atMost(WAIT).until(() -> subscribers(watchedOnOne) == 1 && subscribers(watchedOnTwo) == 1);
            Counts before = Counts.now();

            // Each board changed through both instances: the one watching it and the other.
            for (int i = 1; i <= 3; i++) {
                Instance through = i % 2 == 0 ? one : two;
                through.fixtures().task(watchedOnOne.boardId(), watchedOnOne.owner(), "One's card " + i);
                through.fixtures().task(watchedOnTwo.boardId(), watchedOnTwo.owner(), "Two's card " + i);
            }

            assertThat(onOne.next(3, WAIT)).extracting(Frame::id).containsExactly("2", "3", "4");
            assertThat(onTwo.next(3, WAIT)).extracting(Frame::id).containsExactly("2", "3", "4");
            await().during(QUIET).atMost(WAIT).untilAsserted(() -> {
                assertThat(Counts.now().minus(before)).isEqualTo(new Counts(3, 3, 0, 0));
                assertThat(onOne.pending() + onTwo.pending()).isZero();
            });
        }
    }

    @Test
    void aBoardsSignalsReachOnlyTheInstancesWatchingIt() {
        Team watchedOnOne = one.fixtures().team();
        try (SseClient onOne = SseClient.open(signIn(one, watchedOnOne), watchedOnOne.boardPath() + "/events", "1")) {
            await().atMost(WAIT).until(() -> subscribers(watchedOnOne) == 1);
            Counts before = Counts.now();

            two.bean(Signals.class).send(watchedOnOne.boardId(), "PRESENCE", "");

            await().during(QUIET).atMost(WAIT).untilAsserted(() ->
                    assertThat(Counts.now().minus(before)).isEqualTo(new Counts(0, 0, 1, 0)));
        }
    }

    @Test
    void anInstanceStopsReceivingABoardOnceItsLastViewerLeftAndItsFeedRetired() {
        Team team = one.fixtures().team();
        try (SseClient stream = SseClient.open(signIn(one, team), team.boardPath() + "/events", "1")) {
            await().atMost(WAIT).until(() -> subscribers(team) == 1);
        }
        await().atMost(WAIT).until(() -> one.gauge("boardcast.streams.open") == 0);

        one.bean(EmitterRegistry.class).sweep();

        await().atMost(WAIT).until(() -> subscribers(team) == 0);
        Counts before = Counts.now();
        two.fixtures().task(team.boardId(), team.owner(), "Nobody watches this");
        await().during(QUIET).atMost(WAIT).untilAsserted(() ->
                assertThat(Counts.now().minus(before)).isEqualTo(new Counts(0, 0, 0, 0)));
    }

    @Test
    void anEventCommittedWhileTheFirstViewersSubscriptionIsSetUpIsStillDelivered() throws Exception {
        Team team = one.fixtures().team();
        WebSession viewer = signIn(one, team);
        // The test's own subscriber of the board's channel, to know when the event has gone out.
        BlockingQueue<String> published = new LinkedBlockingQueue<>();
        RedisConnection watcher = one.bean(RedisConnectionFactory.class).getConnection();
        watcher.subscribe((message, pattern) -> published.add(new String(message.getBody(), StandardCharsets.UTF_8)),
                boardChannel(team).getBytes(StandardCharsets.UTF_8));
        // Holds the one thread that subscribes instance one to boards, so the board's subscription waits.
        CountDownLatch release = new CountDownLatch(1);
        try {
            await().atMost(WAIT).until(() -> subscribers(team) == 1);
            one.bean("eventSubscriber", ScheduledExecutorService.class).execute(() -> awaitQuietly(release));
            try (SseClient stream = SseClient.open(viewer, team.boardPath() + "/events", "1")) {
                two.fixtures().task(team.boardId(), team.owner(), "Published before the subscription");
                assertThat(published.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
                // It went out while only the test listened (and there is no sweep): a catch-up must deliver it.
                assertThat(subscribers(team)).isEqualTo(1);

                release.countDown();

                Frame missed = stream.next(WAIT);
                assertThat(missed.id()).isEqualTo("2");
                assertThat(missed.data()).contains("Published before the subscription");
                two.fixtures().task(team.boardId(), team.owner(), "Published after it");
                Frame live = stream.next(WAIT);
                assertThat(live.id()).isEqualTo("3");
                assertThat(live.data()).contains("Published after it");
            }
        } finally {
            release.countDown();
            watcher.close();
        }
    }

    private static WebSession signIn(Instance instance, Team team) {
        return WebSession.newBrowser(instance.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);
    }

    /** How many connections are subscribed to the board's channel (PUBSUB NUMSUB). */
    private static long subscribers(Team team) {
        String channel = boardChannel(team);
        return one.bean(StringRedisTemplate.class).execute((RedisCallback<Long>) connection -> {
            @SuppressWarnings("unchecked")
            var commands = (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
            try {
                return commands.pubsubNumsub(channel.getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS)
                        .values().iterator().next();
            } catch (Exception failed) {
                throw new IllegalStateException("PUBSUB NUMSUB " + channel, failed);
            }
        });
    }

    private static String boardChannel(Team team) {
        return RedisEventBus.boardChannel(one.bean(RealtimeProperties.class), team.boardId());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the bus brought to each instance: board events and signals. */
    private record Counts(long eventsOnOne, long eventsOnTwo, long signalsOnOne, long signalsOnTwo) {

        static Counts now() {
            return new Counts((long) one.counter("boardcast.events.received"),
                    (long) two.counter("boardcast.events.received"),
                    (long) one.counter("boardcast.signals.received"),
                    (long) two.counter("boardcast.signals.received"));
        }

        Counts minus(Counts earlier) {
            return new Counts(eventsOnOne - earlier.eventsOnOne, eventsOnTwo - earlier.eventsOnTwo,
                    signalsOnOne - earlier.signalsOnOne, signalsOnTwo - earlier.signalsOnTwo);
        }
    }
}
