package io.boardcast.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boardcast.support.Fixtures;
import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.Instance;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.SseClient.Frame;
import io.boardcast.testsupport.WebSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Presence across two instances sharing PostgreSQL and Redis, as behind a load balancer without affinity: a viewer's
 * stream on one, the editor's on the other, the editor's closing page heard by whichever instance its beacon reaches.
 * Entries live 3 s here (refreshed every 0.5 s) and heartbeats run every second, so expiry and a vanished tab show
 * quickly.
 */
class PresenceIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String[] SETTINGS = {"boardcast.presence.ttl=3s", "boardcast.presence.refresh-interval=500ms",
            "boardcast.realtime.heartbeat-interval=1s"};

    private static Instance one;
    private static Instance two;

    private Team team;
    private WebSession viewerOnOne;
    private WebSession editorOnTwo;

    @BeforeAll
    static void startInstances() {
        one = Instance.start("postgres,redis", SETTINGS);
        two = Instance.start("postgres,redis", SETTINGS);
    }

    @AfterAll
    static void stopInstances() {
        Instance.closeAll(one, two);
    }

    @BeforeEach
    void team() {
        team = one.fixtures().team();
        viewerOnOne = WebSession.newBrowser(one.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);
        editorOnTwo = WebSession.newBrowser(one.baseUrl()).signIn(team.editor(), Fixtures.PASSWORD).at(two.baseUrl());
    }

    @Test
    void aJoinOnOneInstanceShowsOnTheOtherAndAClosedPageLeavesWithinTwoSeconds() {
        try (SseClient viewer = board(viewerOnOne, "viewer-page-1")) {
            awaitPresence(viewer, board -> lists(board, team.viewer()) && !lists(board, team.editor()));

            SseClient editor = board(editorOnTwo, "editor-page-1");
            awaitPresence(viewer, board -> lists(board, team.viewer()) && lists(board, team.editor()));

            // The tab closes: its stream ends and its page says so, to whichever instance (here the other one).
            editor.close();
            long closed = System.nanoTime();
            assertThat(editorOnTwo.at(one.baseUrl()).post(team.boardPath() + "/presence/leave",
                    Map.of("page", "editor-page-1")).status()).isEqualTo(204);
            awaitPresence(viewer, Duration.ofSeconds(2), board -> !lists(board, team.editor()));
            System.out.printf("Presence: a closed page left the other instance's viewer in %d ms%n",
                    (System.nanoTime() - closed) / 1_000_000);
            assertThat(lastBoardList(viewer)).contains(team.viewer());
        }
    }

    @Test
    void aPageThatSaidItLeftIsNotBroughtBackByTheRefreshOfItsStreamNotYetNoticedGone() {
        try (SseClient viewer = board(viewerOnOne, "viewer-page-5");
                SseClient editor = board(editorOnTwo, "editor-page-5")) {
            awaitPresence(viewer, board -> lists(board, team.editor()));

            // The beacon arrives while the stream's instance still holds the stream (and refreshes every 0.5 s).
            editorOnTwo.post(team.boardPath() + "/presence/leave", Map.of("page", "editor-page-5"));

            awaitPresence(viewer, board -> !lists(board, team.editor()));
            // Nor in Redis: the viewer's entry is the board's only one, refreshed; the editor's stays gone.
            String entries = two.bean(PresenceProperties.class).keyPrefix() + ":" + team.boardId();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> two.bean(StringRedisTemplate.class).opsForZSet().size(entries) == 1
                            && two.bean(Presence.class).viewers(team.boardId()).stream()
                                    .noneMatch(entry -> entry.username().equals(team.editor())));
            assertThat(editor.isOpen()).isTrue();
        }
    }

    @Test
    void aTabThatVanishesWithoutSayingSoLeavesWhenItsInstanceNoticesAtTheHeartbeat() {
        try (SseClient viewer = board(viewerOnOne, "viewer-page-2")) {
            SseClient editor = board(editorOnTwo, "editor-page-2");
            awaitPresence(viewer, board -> lists(board, team.editor()));

            editor.close();
            long closed = System.nanoTime();
            // Heartbeats every second here (15 s in production): the first write after the close finds it gone.
            awaitPresence(viewer, Duration.ofSeconds(5), board -> !lists(board, team.editor()));
            System.out.printf("Presence: a vanished tab left after %d ms with a 1 s heartbeat%n",
                    (System.nanoTime() - closed) / 1_000_000);
        }
    }

    @Test
    void anEntryNobodyRefreshesAnyMoreExpiresAndLeavesEveryPage() {
        try (SseClient viewer = board(viewerOnOne, "viewer-page-3")) {
            awaitPresence(viewer, board -> lists(board, team.viewer()));
            // What an instance that vanished leaves behind: an entry nobody refreshes.
            PresenceStore store = two.bean(PresenceStore.class);
            store.join(team.boardId(), new Viewer("ghost-stream", "ghost-page-1", team.owner(), 0, false),
                    System.currentTimeMillis() + 3_000);
            long joined = System.nanoTime();

            awaitPresence(viewer, board -> lists(board, team.owner()));
            awaitPresence(viewer, Duration.ofSeconds(6), board -> !lists(board, team.owner()));
            System.out.printf("Presence: an unrefreshed entry (ttl 3 s) left after %d ms%n",
                    (System.nanoTime() - joined) / 1_000_000);
            assertThat(lastBoardList(viewer)).contains(team.viewer());
        }
    }

    @Test
    void theTaskPageShowsWhoHasItOpenAndWhoIsEditingIt() {
        String taskList = "id=\"presence-task-" + team.taskId() + "\"";
        try (SseClient viewer = task(viewerOnOne, "viewer-task-page", team.taskId());
                SseClient editor = task(editorOnTwo, "editor-task-page", team.taskId())) {
            awaitPresence(viewer, all -> taskList(all).contains(team.editor()) && taskList(all).contains(team.viewer()));

            assertThat(editorOnTwo.post(team.taskPath() + "/presence",
                    Map.of("page", "editor-task-page", "editing", "true")).status()).isEqualTo(204);
            awaitPresence(viewer, all -> taskList(all).contains("(editing)"));
            assertThat(person(taskList(lastSignal(viewer)), team.editor())).contains("editing");
            assertThat(person(taskList(lastSignal(viewer)), team.viewer())).doesNotContain("editing");

            assertThat(editorOnTwo.at(one.baseUrl()).post(team.taskPath() + "/presence",
                    Map.of("page", "editor-task-page", "editing", "false")).status()).isEqualTo(204);
            awaitPresence(viewer, all -> all.contains(taskList) && !taskList(all).contains("(editing)"));
        }
    }

    @Test
    void aTaskOfAnotherBoardNamedByAStreamCountsAsTheBoardOnly() {
        Team other = one.fixtures().team();
        try (SseClient viewer = task(viewerOnOne, "viewer-foreign-task", other.taskId())) {
            awaitPresence(viewer, board -> lists(board, team.viewer()));

            assertThat(lastSignal(viewer)).doesNotContain("presence-task-" + other.taskId());
        }
    }

    @Test
    void nobodyLeavesOrEditsForSomeoneElsesPage() {
        try (SseClient viewer = board(viewerOnOne, "viewer-page-4");
                SseClient editor = task(editorOnTwo, "editor-page-4", team.taskId())) {
            awaitPresence(viewer, board -> lists(board, team.editor()));
            WebSession owner = WebSession.newBrowser(one.baseUrl()).signIn(team.owner(), Fixtures.PASSWORD);

            assertThat(owner.post(team.boardPath() + "/presence/leave", Map.of("page", "editor-page-4")).status())
                    .isEqualTo(204);
            assertThat(owner.post(team.taskPath() + "/presence", Map.of("page", "editor-page-4", "editing", "true"))
                    .status()).isEqualTo(204);

            List<Viewer> entries = one.bean(Presence.class).viewers(team.boardId());
            assertThat(entries).filteredOn(entry -> entry.username().equals(team.editor()))
                    .singleElement().extracting(Viewer::editing).isEqualTo(false);
        }
    }

    private SseClient board(WebSession session, String page) {
        SseClient stream = SseClient.open(session, team.boardPath() + "/events?page=" + page, null);
        assertThat(stream.status()).isEqualTo(200);
        return stream;
    }

    private SseClient task(WebSession session, String page, long taskId) {
        SseClient stream = SseClient.open(session, team.boardPath() + "/events?view=task&task=" + taskId + "&page="
                + page, null);
        assertThat(stream.status()).isEqualTo(200);
        return stream;
    }

    private static void awaitPresence(SseClient stream, Predicate<String> shown) {
        awaitPresence(stream, WAIT, shown);
    }

    /** Waits until the newest signal the stream got shows what {@code shown} expects. */
    private static void awaitPresence(SseClient stream, Duration within, Predicate<String> shown) {
        await().atMost(within).pollInterval(Duration.ofMillis(20))
                .until(() -> shown.test(lastSignal(stream)));
    }

    private static String lastSignal(SseClient stream) {
        List<Frame> signals = stream.frames().stream().filter(frame -> frame.event().equals("signal")).toList();
        return signals.isEmpty() ? "" : signals.get(signals.size() - 1).data();
    }

    private String lastBoardList(SseClient stream) {
        return boardList(lastSignal(stream));
    }

    private boolean lists(String signal, String username) {
        return boardList(signal).contains("data-username=\"" + username + "\"");
    }

    /** The board's list in a signal, empty if it has none. */
    private String boardList(String signal) {
        return element(signal, "id=\"presence-" + team.boardId() + "\"");
    }

    private String taskList(String signal) {
        return element(signal, "id=\"presence-task-" + team.taskId() + "\"");
    }

    private static String element(String html, String marker) {
        int at = html.indexOf(marker);
        return at < 0 ? "" : html.substring(at, html.indexOf("</ul>", at));
    }

    private static String person(String list, String username) {
        int at = list.indexOf("data-username=\"" + username + "\"");
        return at < 0 ? "" : list.substring(at, list.indexOf("</li>", at));
    }
}
