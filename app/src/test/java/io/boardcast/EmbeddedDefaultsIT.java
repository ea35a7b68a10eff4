package io.boardcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a newcomer gets from a fresh clone with no profile: H2 in PostgreSQL mode, in-process live events and
 * presence in memory, demo users and board, and reminders that work on H2 too (a 72 h lead time makes the demo task due soon).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"boardcast.reminders.lead-time=72h", "boardcast.reminders.scan-interval=200ms"})
class EmbeddedDefaultsIT {

    @LocalServerPort
    int port;

    @Test
    void aliceSignsInWithTheDemoPasswordAndWatchesBobsChangeArriveLive() {
        WebSession alice = WebSession.newBrowser("http://127.0.0.1:" + port).signIn("alice", "boardcast");
        WebSession bob = WebSession.newBrowser("http://127.0.0.1:" + port).signIn("bob", "boardcast");
        String board = alice.get("/boards/1").body();
        assertThat(board).contains("Launch plan", "Write the announcement", "Book the demo room");

        try (SseClient stream = SseClient.open(alice, "/boards/1/events", null)) {
            bob.post("/boards/1/tasks", Map.of("title", "Added by bob"));

            assertThat(stream.next(Duration.ofSeconds(10)).data()).contains("Added by bob");
        }
    }

    @Test
    void presenceLivesInMemoryWithoutRedis() {
        WebSession alice = WebSession.newBrowser("http://127.0.0.1:" + port).signIn("alice", "boardcast");
        WebSession bob = WebSession.newBrowser("http://127.0.0.1:" + port).signIn("bob", "boardcast");
        try (SseClient alicesPage = SseClient.open(alice, "/boards/1/events?page=alices-page", null);
                SseClient bobsPage = SseClient.open(bob, "/boards/1/events?page=bobs-page", null)) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> lastSignal(alicesPage).contains("data-username=\"bob\""));

            bob.post("/boards/1/presence/leave", Map.of("page", "bobs-page"));

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2))
                    .until(() -> !lastSignal(alicesPage).contains("data-username=\"bob\""));
            assertThat(lastSignal(alicesPage)).contains("data-username=\"alice\"");
        }
    }

    private static String lastSignal(SseClient stream) {
        return stream.frames().stream().filter(frame -> frame.event().equals("signal"))
                .reduce((first, second) -> second).map(SseClient.Frame::data).orElse("");
    }

    @Test
    void demoReminderFiresOnH2AndWaitsInBobsNotifications() {
        WebSession bob = WebSession.newBrowser("http://127.0.0.1:" + port).signIn("bob", "boardcast");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> bob.get("/notifications").body().contains("is due soon"));
        assertThat(bob.get("/boards/1").body()).contains("badge due-soon");
    }
}
