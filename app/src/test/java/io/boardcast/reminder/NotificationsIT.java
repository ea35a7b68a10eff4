package io.boardcast.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.PostgresWebIntegration;
import io.boardcast.task.TaskForm;
import io.boardcast.task.TaskService;
import io.boardcast.testsupport.WebSession.Answer;
import io.boardcast.testsupport.WebSession;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bell's list: the newest notifications first, a page at a time, with plain links to older ones. */
class NotificationsIT extends PostgresWebIntegration {

    @Autowired
    TaskService tasks;

    @Autowired
    ReminderScheduler scheduler;

    @Autowired
    JdbcClient jdbc;

    private Team team;
    private WebSession assignee;

    @BeforeEach
    void fiftyFiveRemindersForTheEditor() {
        team = fixtures.team();
        LocalDateTime soon = LocalDateTime.now(ZoneOffset.UTC).plusHours(2);
        // The editor's own tasks: being assigned by someone else would be a notification of its own.
        IntStream.rangeClosed(1, 55).forEach(i -> tasks.create(team.boardId(), team.editor(),
                TaskForm.of("Due %03d".formatted(i), null, List.of(team.editor()), soon.plusMinutes(i), "UTC")));
        scheduler.scan();
        assignee = signedIn(team.editor());
    }

    @Test
    void listShowsTheNewestFiftyAndLinksToOlderOnes() {
        String page = assignee.get("/notifications").body();

        assertThat(occurrences(page, "id=\"notification-")).isEqualTo(50);
        assertThat(page).contains("Due 055", "Due 006").doesNotContain("Due 005", "Newest notifications");
        assertThat(page.indexOf("Due 055")).isLessThan(page.indexOf("Due 006"));
        assertThat(page).contains("<a href=\"/notifications?before=" + idOf("Due 006") + "\">Older notifications</a>");
    }

    @Test
    void olderLinkShowsThePageBeforeAndTheWayBack() {
        Answer older = assignee.get("/notifications?before=" + idOf("Due 006"));

        assertThat(older.status()).isEqualTo(200);
        assertThat(occurrences(older.body(), "id=\"notification-")).isEqualTo(5);
        assertThat(older.body()).contains("Due 005", "Due 001", "<a href=\"/notifications\">Newest notifications</a>")
                .doesNotContain("Due 006", "Older notifications");
    }

    @Test
    void markingOneReadOnAnOlderPageReturnsToThatPage() {
        String before = Long.toString(idOf("Due 006"));

        Answer read = assignee.post("/notifications/" + idOf("Due 003") + "/read", Map.of("before", before));

        assertThat(read.status()).isEqualTo(302);
        assertThat(read.location()).endsWith("/notifications?before=" + before);
        assertThat(assignee.get("/boards").body()).contains("aria-label=\"Notifications, 54 unread\"");
    }

    @Test
    void markAllReadMarksThoseOnOlderPagesToo() {
        assertThat(assignee.post("/notifications/read", Map.of()).status()).isEqualTo(302);

        assertThat(assignee.get("/boards").body()).contains("aria-label=\"Notifications, 0 unread\"");
        assertThat(assignee.get("/notifications?before=" + idOf("Due 006")).body())
                .doesNotContain("notification unread");
    }

    @Test
    void olderPageOfSomeoneElsesNotificationIsNotFound() {
        assertThat(signedIn(team.owner()).get("/notifications?before=" + idOf("Due 006")).status()).isEqualTo(404);
    }

    private long idOf(String title) {
        return jdbc.sql("select n.id from notifications n join tasks t on t.id = n.task_id"
                        + " where t.board_id = ? and n.task_title = ?")
                .params(team.boardId(), title).query(Long.class).single();
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
