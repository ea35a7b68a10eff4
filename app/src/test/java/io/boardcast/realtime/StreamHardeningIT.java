package io.boardcast.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boardcast.board.BoardService;
import io.boardcast.board.Membership;
import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.Fixtures;
import io.boardcast.support.Instance;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one member, or one odd request, can do to the event stream: nothing that reaches anybody else. */
class StreamHardeningIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static Instance one;
    private static Instance two;

    private Team team;

    @BeforeAll
    static void startInstances() {
        // No sweep: whatever happens below happens because of events, not the periodic safety net. Frequent
        // heartbeats, so a stream its client closed is noticed (and its slot freed) quickly.
        String[] settings = {"boardcast.realtime.sweep-interval=1h", "boardcast.realtime.max-streams-per-user=20",
                "boardcast.realtime.heartbeat-interval=300ms"};
        one = Instance.start("postgres,redis", settings);
        two = Instance.start("postgres,redis", settings);
    }

    @AfterAll
    static void stopInstances() {
        Instance.closeAll(one, two);
    }

    @BeforeEach
    void team() {
        team = one.fixtures().team();
    }

    @Test
    void aSessionGetsSixteenStreamsAndThenAClearRefusal() throws Exception {
        WebSession viewer = WebSession.newBrowser(one.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                open.add(SseClient.open(viewer, team.boardPath() + "/events", null));
            }
            assertThat(open).extracting(SseClient::status).containsOnly(200);

            Answer refused = rawGet(viewer, team.boardPath() + "/events");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.retryAfter()).isNotBlank();
            assertThat(refused.body()).contains("Too many live views");

            open.remove(0).close();
            await().atMost(WAIT).untilAsserted(() -> {
                try (SseClient again = SseClient.open(viewer, team.boardPath() + "/events", null)) {
                    assertThat(again.status()).isEqualTo(200);
                }
            });
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void aUserIsCappedOverAllTheirSessions() throws Exception {
        List<SseClient> open = new ArrayList<>();
        try {
            for (int session = 0; session < 2; session++) {
                WebSession browser = WebSession.newBrowser(one.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);
                for (int i = 0; i < 10; i++) {
                    open.add(SseClient.open(browser, team.boardPath() + "/events", null));
                }
            }
            assertThat(open).extracting(SseClient::status).containsOnly(200);

            WebSession third = WebSession.newBrowser(one.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);

            assertThat(rawGet(third, team.boardPath() + "/events").statusCode()).isEqualTo(429);
            WebSession someoneElse = WebSession.newBrowser(one.baseUrl()).signIn(team.editor(), Fixtures.PASSWORD);
            try (SseClient unaffected = SseClient.open(someoneElse, team.boardPath() + "/events", null)) {
                assertThat(unaffected.status()).isEqualTo(200);
            }
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void removingAMemberEndsTheirStreamOnAnotherInstanceAtOnce() {
        WebSession viewer = WebSession.newBrowser(one.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);
        WebSession owner = WebSession.newBrowser(two.baseUrl()).signIn(team.owner(), Fixtures.PASSWORD);
        WebSession editor = WebSession.newBrowser(one.baseUrl()).signIn(team.editor(), Fixtures.PASSWORD);
        long membershipId = one.bean(BoardService.class).members(team.boardId()).stream()
                .filter(member -> member.getAccount().getUsername().equals(team.viewer()))
                .map(Membership::getId).findFirst().orElseThrow();
        try (SseClient removed = SseClient.open(viewer, team.boardPath() + "/events", null);
                SseClient stays = SseClient.open(editor, team.boardPath() + "/events", null)) {
            await().atMost(WAIT).until(() -> one.gauge("boardcast.streams.open") >= 2);

            assertThat(owner.post(team.boardPath() + "/members/" + membershipId + "/delete", Map.of()).status())
                    .isEqualTo(302);

            // The sweep is off: only the removal event can end it, and it does so well within a second or two.
            await().atMost(Duration.ofSeconds(2)).until(removed::hasEnded);
            owner.post(team.boardPath() + "/tasks", Map.of("title", "After the removal"));
            assertThat(stays.next(WAIT).data()).doesNotContain("After the removal");
            assertThat(stays.next(WAIT).data()).contains("After the removal");
            assertThat(viewer.get(team.boardPath() + "/events").status()).isEqualTo(404);
        }
    }

    @Test
    void malformedResumeIdsOpenTheStreamFromNow() throws Exception {
        WebSession viewer = WebSession.newBrowser(one.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);
        for (String id : List.of("-5", "abc", "99999999999999999999", " 1 ", "")) {
            try (SseClient header = SseClient.open(viewer, team.boardPath() + "/events", id)) {
                assertThat(header.status()).as("Last-Event-ID " + id).isEqualTo(200);
            }
            String query = java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
            try (SseClient param = SseClient.open(viewer, team.boardPath() + "/events?lastEventId=" + query,
                    null)) {
                assertThat(param.status()).as("lastEventId=" + id).isEqualTo(200);
            }
        }
        try (SseClient fromNow = SseClient.open(viewer, team.boardPath() + "/events?lastEventId=-5", null)) {
            one.fixtures().task(team.boardId(), team.owner(), "Seen from now");
            assertThat(fromNow.next(WAIT).data()).contains("Seen from now");
        }
    }

    /** The status, headers and (unless it is a stream, which never ends by itself) the body of a stream request. */
    private static Answer rawGet(WebSession user, String path) throws Exception {
        HttpResponse<InputStream> response = user.client().send(user.request(path)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            String text = response.statusCode() == 200 ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), text);
        }
    }

    private record Answer(int statusCode, String retryAfter, String body) {
    }
}
