package io.boardcast.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boardcast.support.Fixtures;
import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.Instance;
import io.boardcast.task.TaskForm;
import io.boardcast.task.TaskService;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.SseClient.Frame;
import io.boardcast.testsupport.WebSession;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person's own events (a mention, a reminder of their task) reach every page they have open, on whichever instance
 * holds its stream: a board page's stream, or the personal stream of any other page; nobody else's. Two instances
 * over PostgreSQL and Redis; the team's viewer is the one mentioned, its editor writes through the other instance.
 */
class PersonalEventsAcrossInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Instance one;
    private static Instance two;

    private Team team;
    private WebSession viewerOnOne;
    private WebSession editorOnOne;
    private WebSession editorOnTwo;
    private WebSession ownerOnTwo;

    @BeforeAll
    static void startInstances() {
        one = Instance.start("postgres,redis", "boardcast.realtime.sweep-interval=1h",
                "boardcast.reminders.scan-interval=1h");
        // Reminders are claimed on two only, so the one below reaches the editor's stream on one through Redis.
        two = Instance.start("postgres,redis", "boardcast.realtime.sweep-interval=1h",
                "boardcast.reminders.scan-interval=300ms");
    }

    @AfterAll
    static void stopInstances() {
        Instance.closeAll(one, two);
    }

    @BeforeEach
    void team() {
        team = one.fixtures().team();
        viewerOnOne = WebSession.newBrowser(one.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);
        editorOnOne = WebSession.newBrowser(one.baseUrl()).signIn(team.editor(), Fixtures.PASSWORD);
        editorOnTwo = editorOnOne.at(two.baseUrl());
        ownerOnTwo = WebSession.newBrowser(two.baseUrl()).signIn(team.owner(), Fixtures.PASSWORD);
    }

    @Test
    void aMentionReachesTheMentionedPersonsPersonalAndBoardStreamsOnTheOtherInstanceAndNobodyElses() {
        try (SseClient viewersList = SseClient.open(viewerOnOne, "/notifications/events", null);
                SseClient viewersBoard = SseClient.open(viewerOnOne, team.boardPath() + "/events", "1");
                SseClient editorsList = SseClient.open(editorOnOne, "/notifications/events", null)) {
            assertThat(viewersList.status()).isEqualTo(200);
            assertThat(bell(viewersList.next(WAIT))).isEqualTo(0);
            assertThat(bell(editorsList.next(WAIT))).isEqualTo(0);

            editorOnTwo.post(team.taskPath() + "/comments", Map.of("body", "@" + team.viewer() + " look"));

            long mention = notificationOf(team.viewer());
            Frame toast = viewersList.next(WAIT);
            assertThat(toast.event()).isEqualTo("personal");
            assertThat(toast.id()).isEqualTo(Long.toString(mention));
            assertThat(toast.data()).contains("hx-swap-oob=\"beforeend:#toasts\"", "id=\"toast-notification-" + mention,
                    "<strong>" + team.editor() + "</strong> mentioned you on",
                    "href=\"" + team.taskPath() + "#comment-", ">First task</a>");
            assertThat(bell(toast)).isEqualTo(1);

            List<Frame> onTheBoard = viewersBoard.next(2, WAIT);
            Frame personal = onTheBoard.stream().filter(frame -> frame.event().equals("personal")).findFirst()
                    .orElseThrow();
            assertThat(personal.id()).isNull();
            assertThat(personal.data()).contains("id=\"toast-notification-" + mention, "id=\"bell\"");
            assertThat(onTheBoard).filteredOn(frame -> frame.event().equals("board")).extracting(Frame::id)
                    .containsExactly("2");

            // The owner mentions the editor: the first thing the editor's stream shows after its greeting is that.
            ownerOnTwo.post(team.taskPath() + "/comments", Map.of("body", "@" + team.editor() + " and you"));
            Frame editors = editorsList.next(WAIT);
            assertThat(editors.id()).isEqualTo(Long.toString(notificationOf(team.editor())));
            assertThat(editors.data()).contains("<strong>" + team.owner() + "</strong> mentioned you")
                    .doesNotContain("toast-notification-" + mention);
            assertThat(viewersList.frames()).hasSize(2);
        }
    }

    @Test
    void aBoardStreamResumesByItsLastEventIdWithPersonalFramesInBetween() {
        long lastSeen;
        try (SseClient viewersBoard = SseClient.open(viewerOnOne, team.boardPath() + "/events", "1")) {
            editorOnTwo.post(team.taskPath() + "/comments", Map.of("body", "@" + team.viewer() + " one"));
            editorOnTwo.post(team.taskPath() + "/comments", Map.of("body", "@" + team.viewer() + " two"));

            List<Frame> frames = viewersBoard.next(4, WAIT);
            assertThat(frames).filteredOn(frame -> frame.event().equals("board")).extracting(Frame::id)
                    .containsExactly("2", "3");
            assertThat(frames).filteredOn(frame -> frame.event().equals("personal")).extracting(Frame::id)
                    .containsExactly(null, null);
            lastSeen = 2;
        }
        editorOnTwo.post(team.boardPath() + "/tasks", Map.of("title", "Missed meanwhile"));

        try (SseClient resumed = SseClient.open(viewerOnOne.at(two.baseUrl()), team.boardPath() + "/events",
                Long.toString(lastSeen))) {
            List<Frame> replayed = resumed.next(2, WAIT);

            assertThat(replayed).extracting(Frame::id).containsExactly("3", "4");
            assertThat(replayed.get(1).data()).contains("Missed meanwhile");
        }
    }

    @Test
    void aReconnectingPersonalStreamGetsTheBellAsItIsAndTheToastsAfterTheLastOneItSaw() {
        editorOnTwo.post(team.taskPath() + "/comments", Map.of("body", "@" + team.viewer() + " first"));
        long first = notificationOf(team.viewer());
        editorOnTwo.post(team.taskPath() + "/comments", Map.of("body", "@" + team.viewer() + " second"));
        long second = notificationOf(team.viewer());

        try (SseClient resumed = SseClient.open(viewerOnOne.at(two.baseUrl()), "/notifications/events",
                Long.toString(first))) {
            Frame catchUp = resumed.next(WAIT);

            assertThat(catchUp.id()).isEqualTo(Long.toString(second));
            assertThat(catchUp.data()).contains("toast-notification-" + second)
                    .doesNotContain("toast-notification-" + first);
            assertThat(bell(catchUp)).isEqualTo(2);
        }
        // Someone else's id in the query shows nothing of theirs: only one's own notifications are rendered.
        try (SseClient editors = SseClient.open(editorOnOne, "/notifications/events?lastEventId=0", null)) {
            Frame catchUp = editors.next(WAIT);

            assertThat(catchUp.data()).doesNotContain("toast-notification-");
            assertThat(bell(catchUp)).isEqualTo(0);
        }
    }

    @Test
    void aFiredReminderRingsTheAssigneesBellOnAPageWithoutABoard() {
        LocalDateTime soon = LocalDateTime.now(ZoneOffset.UTC).plusHours(2);
        long task = one.bean(TaskService.class).create(team.boardId(), team.editor(),
                TaskForm.of("Due for the editor", null, List.of(team.editor()), soon, "UTC")).getId();
        try (SseClient editorsList = SseClient.open(editorOnOne, "/notifications/events", null)) {
            assertThat(bell(editorsList.next(WAIT))).isEqualTo(0);

            await().atMost(WAIT).until(() -> notificationCount(team.editor()) == 1);

            Frame reminder = editorsList.next(WAIT);
            // The board's own reminder toast, id and words: on the board page, the second of the two is left out.
            assertThat(reminder.data()).contains("id=\"toast-reminder-" + task + "-due-soon\"", "Due for the editor",
                    "is due in 2 h");
            assertThat(bell(reminder)).isEqualTo(1);
        }
    }

    /** The unread count on the bell a frame pushes. */
    private static long bell(Frame frame) {
        String data = frame.data();
        assertThat(data).contains("id=\"bell\"", "hx-swap-oob=\"true\"");
        int label = data.indexOf("aria-label=\"Notifications, ");
        String count = data.substring(label + "aria-label=\"Notifications, ".length());
        return Long.parseLong(count.substring(0, count.indexOf(' ')));
    }

    private long notificationOf(String username) {
        return jdbc().sql("select max(n.id) from notifications n join users u on u.id = n.user_id where u.username = ?")
                .param(username).query(Long.class).single();
    }

    private long notificationCount(String username) {
        return jdbc().sql("select count(*) from notifications n join users u on u.id = n.user_id where u.username = ?")
                .param(username).query(Long.class).single();
    }

    private static JdbcClient jdbc() {
        return one.bean(JdbcClient.class);
    }
}
