package io.boardcast.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.TeamIntegration;
import io.boardcast.task.TaskForm;
import io.boardcast.task.TaskService;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A deadline reminds every assignee of the task once, each in their own notifications. */
class AssigneeRemindersIT extends TeamIntegration {

    @Autowired
    ReminderScheduler scheduler;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeadlineRemindsEachAssigneeOnceAndNotTheCreator() {
        long taskId = due(List.of(team.editor(), team.viewer()));

        scheduler.scan();
        scheduler.scan();

        assertThat(notified(team.editor(), taskId)).isEqualTo(1);
        assertThat(notified(team.viewer(), taskId)).isEqualTo(1);
        assertThat(notified(team.owner(), taskId)).isZero();
        assertThat(signedIn(team.viewer()).get("/notifications").body()).contains("Pair on it", "is due soon");
    }

    @Test
    void anAssigneeRemovedFromTheBoardHearsNothingAndTheOthersStillDo() {
        long taskId = due(List.of(team.editor(), team.viewer()));
        assertThat(signedIn(team.owner()).post(team.boardPath() + "/members/" + memberId(team.viewer()) + "/delete",
                Map.of()).status()).isEqualTo(302);

        scheduler.scan();

        assertThat(notified(team.editor(), taskId)).isEqualTo(1);
        assertThat(notified(team.viewer(), taskId)).isZero();
    }

    @Test
    void withNoAssigneeTheCreatorIsReminded() {
        long taskId = due(List.of());

        scheduler.scan();

        assertThat(notified(team.owner(), taskId)).isEqualTo(1);
    }

    private long due(List<String> assignees) {
        return tasks.create(team.boardId(), team.owner(), TaskForm.of("Pair on it", null, assignees,
                LocalDateTime.now(ZoneOffset.UTC).plusHours(2), "UTC")).getId();
    }

    private int notified(String username, long taskId) {
        return jdbc.sql("select count(*) from notifications n join users u on u.id = n.user_id"
                        + " where u.username = ? and n.task_id = ? and n.kind in ('DUE_SOON', 'OVERDUE')")
                .params(username, taskId).query(Integer.class).single();
    }

    private long memberId(String username) {
        return jdbc.sql("select m.id from memberships m join users u on u.id = m.user_id"
                        + " where u.username = ? and m.board_id = ?")
                .params(username, team.boardId()).query(Long.class).single();
    }
}
