package io.boardcast.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boardcast.board.BoardService;
import io.boardcast.board.Membership;
import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.Fixtures;
import io.boardcast.support.Instance;
import io.boardcast.support.MutableClock;
import io.boardcast.task.Task;
import io.boardcast.task.TaskForm;
import io.boardcast.task.TaskService;
import io.boardcast.testsupport.SseClient.Frame;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.boardcast.realtime.EventLog;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two instances scanning the same database, with a clock the test moves: each reminder fires exactly once. */
class RemindersAcrossInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final MutableClock clock = new MutableClock(Instant.parse("2030-03-04T09:00:00Z"));
    private static Instance one;
    private static Instance two;

    private Team team;
    private Task task;

    @BeforeAll
    static void startInstances() {
        // Scans are triggered by the tests, both instances at once, to make them race.
        one = Instance.start(clock, "postgres,redis", "boardcast.reminders.scan-interval=1h");
        two = Instance.start(clock, "postgres,redis", "boardcast.reminders.scan-interval=1h");
    }

    @AfterAll
    static void stopInstances() {
        Instance.closeAll(one, two);
    }

    @BeforeEach
    void taskDueInTwoHours() {
        team = one.fixtures().team();
        // Made by the editor for themselves: being assigned by someone else would be a notification of its own.
        task = one.bean(TaskService.class).create(team.boardId(), team.editor(),
                TaskForm.of("Write spec", null, List.of(team.editor()), inHours(2), "UTC"));
    }

    @Test
    void dueSoonFiresOnceWhenBothInstancesScanAtTheSameTime() {
        try (SseClient viewer = stream(one)) {
            scanOnBothAtOnce();
            scanOnBothAtOnce();

            Frame reminder = viewer.next(WAIT);

            assertThat(reminder.data()).contains("&#39;Write spec&#39; is due in 2 h", "badge due-soon", "role=\"alert\"",
                    "Write spec is due soon");
            assertNoMoreEvents(viewer);
            assertThat(logged("REMINDER_DUE_SOON")).isEqualTo(1);
        }
    }

    @Test
    void overdueFiresOnceAndReachesViewersOnEitherInstance() {
        scanOnBothAtOnce();
        try (SseClient onOne = stream(one); SseClient onTwo = stream(two)) {
            clock.advance(Duration.ofHours(3));

            scanOnBothAtOnce();
            scanOnBothAtOnce();

            for (SseClient viewer : List.of(onOne, onTwo)) {
                assertThat(viewer.next(WAIT).data()).contains("&#39;Write spec&#39; is overdue", "badge overdue");
                assertNoMoreEvents(viewer);
            }
            assertThat(logged("REMINDER_OVERDUE")).isEqualTo(1);
        }
    }

    @Test
    void laterDueDateArmsTheReminderAgain() {
        scanOnBothAtOnce();
        Task current = one.bean(TaskService.class).find(team.boardId(), task.getId(), team.owner());
        TaskForm later = TaskForm.of("Write spec", null, List.of(team.editor()), inHours(48), "UTC");
        later.setVersion(current.getVersion());
        one.bean(TaskService.class).edit(team.boardId(), task.getId(), team.owner(), later);

        scanOnBothAtOnce();
        assertThat(logged("REMINDER_DUE_SOON")).isEqualTo(1);

        clock.advance(Duration.ofHours(30));
        scanOnBothAtOnce();
        assertThat(logged("REMINDER_DUE_SOON")).isEqualTo(2);
    }

    @Test
    void taskDoneBeforeItsDeadlineIsNeverOverdue() {
        one.bean(TaskService.class).move(team.boardId(), task.getId(), team.owner(), team.columns().get(2), null, 0L);

        clock.advance(Duration.ofHours(3));
        scanOnBothAtOnce();

        assertThat(logged("REMINDER_OVERDUE")).isZero();
        assertThat(logged("REMINDER_DUE_SOON")).isZero();
    }

    @Test
    void assigneeFindsTheReminderInTheirNotificationsAfterAReload() {
        scanOnBothAtOnce();
        WebSession assignee = WebSession.newBrowser(one.baseUrl()).signIn(team.editor(), Fixtures.PASSWORD).at(two.baseUrl());

        String page = assignee.get("/notifications").body();
        assertThat(page).contains("Write spec", "is due soon", "aria-label=\"Notifications, 1 unread\"");
        assertThat(WebSession.newBrowser(one.baseUrl()).signIn(team.owner(), Fixtures.PASSWORD).get("/notifications").body())
                .doesNotContain("Write spec");

        long id = Long.parseLong(page.replaceAll("(?s).*id=\"notification-(\\d+)\".*", "$1"));
        assertThat(assignee.post("/notifications/" + id + "/read", Map.of()).status()).isEqualTo(302);
        assertThat(assignee.get("/boards").body()).contains("aria-label=\"Notifications, 0 unread\"");
    }

    @Test
    void aReminderWhoseTaskLostItsDueDateStillReplaysOnAnyInstance() {
        long before = lastSeq();
        scanOnBothAtOnce();
        Task current = one.bean(TaskService.class).find(team.boardId(), task.getId(), team.owner());
        TaskForm noDueDate = TaskForm.of("Write spec", null, List.of(team.editor()), null, "UTC");
        noDueDate.setVersion(current.getVersion());
        one.bean(TaskService.class).edit(team.boardId(), task.getId(), team.owner(), noDueDate);
        WebSession viewer = WebSession.newBrowser(one.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);

        for (Instance instance : List.of(one, two)) {
            try (SseClient replay = SseClient.open(viewer.at(instance.baseUrl()),
                    team.boardPath() + "/events?lastEventId=" + before, null)) {
                assertThat(replay.status()).isEqualTo(200);
                List<Frame> events = replay.next(2, WAIT);
                assertThat(events).extracting(Frame::id)
                        .containsExactly(Long.toString(before + 1), Long.toString(before + 2));
                assertThat(events.get(0).data()).contains("id=\"task-" + task.getId() + "\"");
            }
        }
    }

    @Test
    void aRemovedAssigneeGetsNoNotificationAndTheCreatorIsToldInstead() {
        one.bean(TaskService.class).create(team.boardId(), team.owner(),
                TaskForm.of("Owner's spec", null, List.of(team.editor()), inHours(3), "UTC"));
        BoardService boards = one.bean(BoardService.class);
        long editorMembership = boards.members(team.boardId()).stream()
                .filter(member -> member.getAccount().getUsername().equals(team.editor()))
                .map(Membership::getId).findFirst().orElseThrow();
        boards.removeMember(team.boardId(), team.owner(), editorMembership);

        scanOnBothAtOnce();

        assertThat(logged("REMINDER_DUE_SOON")).isEqualTo(1);
        assertThat(WebSession.newBrowser(one.baseUrl()).signIn(team.editor(), Fixtures.PASSWORD).get("/notifications").body())
                .doesNotContain("is due soon");
        assertThat(WebSession.newBrowser(two.baseUrl()).signIn(team.owner(), Fixtures.PASSWORD).get("/notifications").body())
                .contains("Owner&#39;s spec", "is due soon");
    }

    private long lastSeq() {
        return one.bean(EventLog.class).lastSeq(team.boardId());
    }

    private SseClient stream(Instance instance) {
        WebSession viewer = WebSession.newBrowser(instance.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);
        long seq = instance.bean(EventLog.class).lastSeq(team.boardId());
        SseClient stream = SseClient.open(viewer, team.boardPath() + "/events", Long.toString(seq));
        assertThat(stream.status()).isEqualTo(200);
        return stream;
    }

    /** Both instances run a scan at the same moment, as their schedulers would now and then. */
    private static void scanOnBothAtOnce() {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> scanAfter(start, one)),
                CompletableFuture.runAsync(() -> scanAfter(start, two))).join();
    }

    private static void scanAfter(CyclicBarrier start, Instance instance) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        instance.bean(ReminderScheduler.class).scan();
    }

    private long logged(String kind) {
        return one.bean(JdbcClient.class).sql("select count(*) from board_events where task_id = ? and kind = ?")
                .params(task.getId(), kind).query(Long.class).single();
    }

    private static void assertNoMoreEvents(SseClient stream) {
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> stream.pending() == 0);
    }

    private static LocalDateTime inHours(int hours) {
        return LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(hours)), ZoneOffset.UTC);
    }
}
