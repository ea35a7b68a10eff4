package io.boardcast.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.Fixtures;
import io.boardcast.support.Instance;
import io.boardcast.task.TaskService;
import io.boardcast.testsupport.RedisServer;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession.Answer;
import io.boardcast.testsupport.WebSession;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redis is the fast path and the session store: when it is away or slow, writers go on and users are told. */
class RedisOutagesIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final RedisServer redis = RedisServer.onFreePort();
    private Instance instance;

    @AfterEach
    void stop() {
        if (instance != null) {
            instance.close();
        }
        redis.close();
    }

    @Test
    void anInstanceStartsWhileRedisIsDownAndGoesLiveWhenItComesBack() {
        instance = start();

        redis.start();
        Team team = instance.fixtures().team();
        WebSession viewer = WebSession.newBrowser(instance.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);
        try (SseClient stream = SseClient.open(viewer, team.boardPath() + "/events", null)) {
            // The sweep is off: this arrives through the subscription that was retried until Redis came up.
            await().atMost(WAIT).untilAsserted(() -> {
                instance.fixtures().task(team.boardId(), team.owner(), "Live again");
                assertThat(stream.next(Duration.ofSeconds(2)).data()).contains("Live again");
            });
        }
    }

    @Test
    void aSignedInUserGetsAClearServiceUnavailablePageAtOnceWhileRedisIsDown() {
        redis.start();
        instance = start();
        Team team = instance.fixtures().team();
        WebSession viewer = WebSession.newBrowser(instance.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);

        redis.crash();

        // The instance notices the dropped connections within moments (a request already waiting on Redis when it
        // died waits out the command timeout); from then on, the answer comes after the 2 s reconnect grace.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            long started = System.nanoTime();
            Answer page = viewer.get(team.boardPath());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(page.status()).isEqualTo(503);
            assertThat(page.body()).contains("back in a moment").doesNotContain("Exception");
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        });
    }

    @Test
    void aSignedInUserRidesOutARedisRestart() {
        redis.start();
        instance = start();
        Team team = instance.fixtures().team();
        WebSession viewer = WebSession.newBrowser(instance.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);
        assertThat(viewer.get(team.boardPath()).status()).isEqualTo(200);

        redis.crash();
        Thread restart = new Thread(() -> {
            await().pollDelay(Duration.ofMillis(300)).until(() -> true);
            redis.start();
        });
        restart.start();
        Answer page = viewer.get(team.boardPath());

        // The session itself is gone with this Redis (no persistence here), so the page asks to sign in: what
        // matters is that the restart is waited out, not answered with a 5xx.
        assertThat(page.status()).isLessThan(500);
    }

    @Test
    void writersDoNotWaitForAPausedRedisAndViewersGetTheChangeAfterwards() {
        redis.start();
        instance = start();
        Team team = instance.fixtures().team();
        WebSession viewer = WebSession.newBrowser(instance.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);
        try (SseClient stream = SseClient.open(viewer, team.boardPath() + "/events", null)) {
            await().atMost(WAIT).until(() -> instance.gauge("boardcast.streams.open") >= 1);

            assertThat(redis.cli("CLIENT", "PAUSE", "4000", "ALL")).contains("OK");
            long started = System.nanoTime();
            instance.bean(TaskService.class).move(team.boardId(), team.taskId(), team.owner(),
                    team.columns().get(1), null, 0L);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // The move committed without waiting for the pause to end (4 s): publishing is off the writer's thread.
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            assertThat(stream.next(WAIT).data()).contains("id=\"task-" + team.taskId() + "-version\"");
        }
    }

    private Instance start() {
        return Instance.start("postgres,redis", "spring.data.redis.port=" + redis.port(),
                "boardcast.realtime.sweep-interval=1h");
    }
}
