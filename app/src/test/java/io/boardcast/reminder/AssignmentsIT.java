package io.boardcast.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Being made an assignee by someone else tells you once: behind the bell, and as a toast on any open page. */
class AssignmentsIT extends TeamIntegration {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAssignmentBySomeoneElseReachesTheAssigneesOpenPageAndTheirList() {
        WebSession viewer = signedIn(team.viewer());
        try (SseClient page = SseClient.open(viewer, "/notifications/events", null)) {
            page.next(WAIT); // the bell it starts with

            editor.post(team.taskPath(), Map.of("title", "Review it", "assignees", team.viewer(), "version", "0"));

            assertThat(page.next(WAIT).data()).contains("<strong>" + team.editor() + "</strong> assigned you to",
                    "Review it", "Notifications, 1 unread");
        }
        assertThat(viewer.get("/notifications").body()).contains("<strong>" + team.editor()
                + "</strong> assigned you to");
    }

    @Test
    void onlyNewAssigneesAreToldAndNeverWhoAssignedThemselves() {
        editor.post(team.taskPath(), Map.of("title", "T", "assignees", team.viewer(), "version", "0"));
        editor.post(team.taskPath(), Map.of("title", "T again", "assignees", team.viewer(), "version", "1"));
        editor.post(team.taskPath(), Map.of("title", "T", "assignee", team.editor(), "assignees", team.viewer(),
                "version", "2"));

        assertThat(assignedNotifications(team.viewer())).isEqualTo(1);
        assertThat(assignedNotifications(team.editor())).isZero();
    }

    private int assignedNotifications(String username) {
        return jdbc.sql("select count(*) from notifications n join users u on u.id = n.user_id"
                        + " where u.username = ? and n.kind = 'ASSIGNED'")
                .param(username).query(Integer.class).single();
    }
}
