package io.boardcast.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.Fixtures;
import io.boardcast.support.Instance;
import io.boardcast.testsupport.SseClient.Frame;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Two instances sharing PostgreSQL and Redis, as behind a load balancer without affinity: a viewer's stream lives on
 * one, changes arrive through the other. A third instance publishes nothing to Redis, standing in for an instance
 * whose messages are lost on the way.
 */
class LiveAcrossInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Instance one;
    private static Instance two;
    private static Instance silent;

    private Team team;
    private WebSession viewerOnOne;
    private WebSession editorOnTwo;

    @BeforeAll
    static void startInstances() {
        // No periodic sweep here, so deliveries below come from the bus, the gap backfill or the resubscription.
        String[] settings = {"boardcast.realtime.heartbeat-interval=200ms", "boardcast.realtime.sweep-interval=1h",
                "spring.data.redis.client-name=boardcast-" + Instance.RUN + "-one"};
        one = Instance.start("postgres,redis", settings);
        two = Instance.start("postgres,redis", "boardcast.realtime.sweep-interval=1h");
        silent = Instance.start("postgres", "boardcast.realtime.sweep-interval=1h");
    }

    @AfterAll
    static void stopInstances() {
        Instance.closeAll(one, two, silent);
    }

    @BeforeEach
    void team() {
        team = one.fixtures().team();
        viewerOnOne = WebSession.newBrowser(one.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);
        // Signed in on instance one, posting to instance two: the session and its CSRF token live in Redis.
        editorOnTwo = WebSession.newBrowser(one.baseUrl()).signIn(team.editor(), Fixtures.PASSWORD).at(two.baseUrl());
    }

    @Test
    void everyKindOfChangeMadeThroughOneInstanceReachesAStreamOnTheOther() {
        try (SseClient stream = SseClient.open(viewerOnOne, team.boardPath() + "/events", "1")) {
            assertThat(stream.status()).isEqualTo(200);
            String todo = "id=\"column-" + team.columns().get(0) + "-header\"";
            String doing = "id=\"column-" + team.columns().get(1) + "-header\"";
            String card = "id=\"task-" + team.taskId() + "\"";

            editorOnTwo.post(team.boardPath() + "/tasks", Map.of("title", "Made on two"));
            assertPushed(stream.next(WAIT), 2, todo, "Made on two", "Task added: Made on two");

            editorOnTwo.post(team.taskPath() + "/move", Map.of("columnId", team.columns().get(1).toString(),
                    "version", "0"));
            assertPushed(stream.next(WAIT), 3, "id=\"column-" + team.columns().get(0) + "-count\"",
                    "hx-swap-oob=\"afterbegin:#column-" + team.columns().get(1) + "-cards\"",
                    "id=\"task-" + team.taskId() + "-version\" value=\"1\"");

            editorOnTwo.post(team.taskPath(), Map.of("title", "Edited on two", "version", "1"));
            assertPushed(stream.next(WAIT), 4, card, "Edited on two", "id=\"task-" + team.taskId() + "-summary\"");

            editorOnTwo.post(team.taskPath() + "/comments", Map.of("body", "Said on two"));
            assertPushed(stream.next(WAIT), 5, "hx-swap-oob=\"beforeend:#comments-" + team.taskId() + "\"",
                    "Said on two", "<dd class=\"comment-count\">1</dd>");

            editorOnTwo.post(team.taskPath() + "/delete", Map.of());
            Frame deleted = stream.next(WAIT);
            assertPushed(deleted, 6, doing, card + " hx-swap-oob=\"delete\"", "A task was deleted");
        }
    }

    @Test
    void eachPushedEventIsRenderedOnceForItsViewAndTimed() {
        double before = rendersOnOne();
        try (SseClient stream = SseClient.open(viewerOnOne, team.boardPath() + "/events", "1");
                SseClient sameView = SseClient.open(viewerOnOne, team.boardPath() + "/events", "1")) {
            editorOnTwo.post(team.boardPath() + "/tasks", Map.of("title", "Timed on one"));

            assertPushed(stream.next(WAIT), 2, "Timed on one");
            assertPushed(sameView.next(WAIT), 2, "Timed on one");
        }
        assertThat(rendersOnOne() - before).isEqualTo(1);
    }

    private double rendersOnOne() {
        return one.bean(MeterRegistry.class).get("boardcast.events.render").timer().count();
    }

    @Test
    void aBoardRenamedThroughOneInstanceShowsItsNewNameOnTheOther() {
        WebSession ownerOnTwo = WebSession.newBrowser(one.baseUrl()).signIn(team.owner(), Fixtures.PASSWORD)
                .at(two.baseUrl());
        try (SseClient stream = SseClient.open(viewerOnOne, team.boardPath() + "/events", "1")) {
            assertThat(ownerOnTwo.post(team.boardPath() + "/name", Map.of("name", "Renamed <b>on</b> two"))
                    .status()).isEqualTo(302);

            assertPushed(stream.next(WAIT), 2, "id=\"board-name\"", "Renamed &lt;b&gt;on&lt;/b&gt; two",
                    "Board renamed: Renamed &lt;b&gt;on&lt;/b&gt; two");
            assertThat(viewerOnOne.get(team.taskPath()).body()).contains("Renamed &lt;b&gt;on&lt;/b&gt; two");
        }
    }

    @Test
    void viewersGetNoEditFormsInPushedFragmentsAndEditorsDo() {
        WebSession editorOnOne = editorOnTwo.at(one.baseUrl());
        try (SseClient viewer = SseClient.open(viewerOnOne, team.boardPath() + "/events", "1");
                SseClient editor = SseClient.open(editorOnOne, team.boardPath() + "/events", "1")) {
            editorOnTwo.post(team.boardPath() + "/tasks", Map.of("title", "Who may move me"));

            assertThat(viewer.next(WAIT).data()).contains("Who may move me").doesNotContain("class=\"move\"");
            assertThat(editor.next(WAIT).data()).contains("Who may move me", "class=\"move\"");
        }
    }

    @Test
    void reconnectingToTheOtherInstanceReplaysExactlyTheMissedEventsInOrder() {
        long lastSeen;
        try (SseClient first = SseClient.open(viewerOnOne, team.boardPath() + "/events", "1")) {
            editorOnTwo.post(team.boardPath() + "/tasks", Map.of("title", "Seen live"));
            lastSeen = Long.parseLong(first.next(WAIT).id());
        }
        IntStream.rangeClosed(1, 4).forEach(i ->
                editorOnTwo.post(team.boardPath() + "/tasks", Map.of("title", "Missed " + i)));

        try (SseClient resumed = SseClient.open(viewerOnOne.at(two.baseUrl()), team.boardPath() + "/events",
                Long.toString(lastSeen))) {
            List<Frame> replayed = resumed.next(4, WAIT);

            assertThat(replayed).extracting(Frame::id)
                    .containsExactly(ids(lastSeen + 1, lastSeen + 4));
            assertThat(replayed.get(3).data()).contains("Missed 4");
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> resumed.pending() == 0);
        }
    }

    @Test
    void eventLostOnTheWayIsBackfilledFromTheLogWhenTheNextOneArrives() {
        try (SseClient stream = SseClient.open(viewerOnOne, team.boardPath() + "/events", "1")) {
            // Committed and logged, but never published to Redis.
            silent.fixtures().task(team.boardId(), team.editor(), "Never published");
            editorOnTwo.post(team.boardPath() + "/tasks", Map.of("title", "Published"));

            List<Frame> events = stream.next(2, WAIT);

            assertThat(events).extracting(Frame::id).containsExactly("2", "3");
            assertThat(events.get(0).data()).contains("Never published");
            assertThat(one.counter("boardcast.events.backfilled")).isPositive();
        }
    }

    @Test
    void eventLostWithNothingAfterItIsDeliveredByTheSweep() {
        try (SseClient stream = SseClient.open(viewerOnOne, team.boardPath() + "/events", "1")) {
            silent.fixtures().task(team.boardId(), team.editor(), "Only the sweep knows");

            one.bean(EmitterRegistry.class).sweep();

            Frame event = stream.next(WAIT);
            assertThat(event.id()).isEqualTo("2");
            assertThat(event.data()).contains("Only the sweep knows");
        }
    }

    @Test
    void changeMadeWhileTheSubscriberConnectionIsDownArrivesAfterItResubscribes() {
        try (SseClient stream = SseClient.open(viewerOnOne, team.boardPath() + "/events", "1")) {
            killPubSubConnectionsOf("boardcast-" + Instance.RUN + "-one");
            editorOnTwo.post(team.boardPath() + "/tasks", Map.of("title", "While reconnecting"));

            Frame event = stream.next(WAIT);

            assertThat(event.id()).isEqualTo("2");
            assertThat(event.data()).contains("While reconnecting");
        }
    }

    @Test
    void nonMembersAndAnonymousVisitorsGetNoStream() {
        WebSession outsider = WebSession.newBrowser(one.baseUrl()).signIn(team.outsider(), Fixtures.PASSWORD);

        try (SseClient denied = SseClient.open(outsider, team.boardPath() + "/events", null);
                SseClient anonymous = SseClient.open(WebSession.newBrowser(one.baseUrl()), team.boardPath() + "/events",
                        null)) {
            assertThat(denied.status()).isEqualTo(404);
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }

    @Test
    void removedMemberStreamEndsAtTheNextSweep() {
        try (SseClient stream = SseClient.open(viewerOnOne, team.boardPath() + "/events", null)) {
            long viewerMembership = one.bean(io.boardcast.board.BoardAccess.class)
                    .view(team.boardId(), team.viewer()).getId();
            WebSession.newBrowser(two.baseUrl()).signIn(team.owner(), Fixtures.PASSWORD)
                    .post(team.boardPath() + "/members/" + viewerMembership + "/delete", Map.of());

            one.bean(EmitterRegistry.class).sweep();

            await().atMost(WAIT).until(stream::hasEnded);
            assertThat(SseClient.open(viewerOnOne, team.boardPath() + "/events", null).status()).isEqualTo(404);
        }
    }

    @Test
    void clientTooFarBehindIsToldToResync() {
        try (SseClient stream = SseClient.open(viewerOnOne, team.boardPath() + "/events", "999999")) {
            Frame event = stream.next(WAIT);

            assertThat(event.event()).isEqualTo("resync");
            await().atMost(WAIT).until(stream::hasEnded);
        }
    }

    @Test
    void openStreamGaugeReturnsToZeroAfterClientsLeave() {
        await().atMost(WAIT).until(() -> one.gauge("boardcast.streams.open") == 0);
        List<SseClient> streams = IntStream.range(0, 3)
                .mapToObj(i -> SseClient.open(viewerOnOne, team.boardPath() + "/events", null)).toList();
        await().atMost(WAIT).until(() -> one.gauge("boardcast.streams.open") == 3);

        streams.forEach(SseClient::close);

        await().atMost(WAIT).until(() -> one.gauge("boardcast.streams.open") == 0);
    }

    @Test
    void prometheusEndpointExposesTheRealtimeMeters() throws Exception {
        String operator = Instance.OPERATOR_USERNAME + ":" + Instance.OPERATOR_PASSWORD;
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(one.baseUrl()
                        + "/actuator/prometheus")).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(operator.getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(metrics).contains("boardcast_streams_open", "boardcast_events_published_total",
                "boardcast_events_delivered_total", "boardcast_events_replayed_total",
                "boardcast_events_backfilled_total", "boardcast_streams_resyncs_total",
                "boardcast_streams_overflows_total", "boardcast_events_latency_seconds_bucket",
                "boardcast_events_render_seconds_bucket");
        assertThat(WebSession.newBrowser(one.baseUrl()).get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    private static void assertPushed(Frame event, long seq, String... fragments) {
        assertThat(event.event()).isEqualTo("board");
        assertThat(event.id()).isEqualTo(Long.toString(seq));
        assertThat(event.data()).contains(fragments);
    }

    private static String[] ids(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).mapToObj(Long::toString).toArray(String[]::new);
    }

    /** Drops an instance's Redis subscription the way a network blip would; Lettuce reconnects by itself. */
    private static void killPubSubConnectionsOf(String clientName) {
        StringRedisTemplate redis = two.bean(StringRedisTemplate.class);
        List<String> killed = redis.execute((RedisCallback<List<String>>) connection -> kill(connection, clientName));
        assertThat(killed).isNotEmpty();
    }

    private static List<String> kill(RedisConnection connection, String clientName) {
        return connection.serverCommands().getClientList().stream()
                .filter(client -> clientName.equals(client.getName()) && client.getChannelSubscribtions() != null && client.getChannelSubscribtions() > 0)
                .map(client -> {
                    String[] address = client.getAddressPort().split(":");
                    connection.serverCommands().killClient(address[0], Integer.parseInt(address[1]));
                    return client.getAddressPort();
                })
                .toList();
    }
}
