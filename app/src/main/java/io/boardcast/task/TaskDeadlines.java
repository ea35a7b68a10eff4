package io.boardcast.task;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks' deadlines for the reminder module: which reminders are due, and the claim that marks one fired for the
 * task's current due time, so it fires once however many instances scan. Only tasks on the board (not archived)
 * and not in a column that counts as done are reminded of.
 */
@Component
public class TaskDeadlines {

    /** A deadline reminder: soon due (within the lead time) or overdue; each is marked in its own task column. */
    public enum Reminder {
        DUE_SOON("due_soon_fired_for"), OVERDUE("overdue_fired_for");

        private final String marker;

        Reminder(String marker) {
            this.marker = marker;
        }
    }

    public record Due(long taskId, long boardId, Instant dueAt, Reminder reminder) {
    }

    /** A reminder just claimed: who it concerns (the assignees, perhaps none) and what the task is called now. */
    public record Claimed(long taskId, long boardId, long columnId, String title, Instant dueAt,
            List<Long> assigneeIds, long creatorId) {
    }

    /** On the board (neither archived nor deleted) and in a column that doesn't count as done. */
    private static final String NOT_DONE = """
            t.archived_at is null and t.deleted_at is null
            and t.column_id in (select c.id from board_columns c where c.board_id = t.board_id and c.done = false)""";

    private final JdbcClient jdbc;

    TaskDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reminders not yet fired for their task's current due time: due before {@code soonBefore}, or overdue. */
    @Transactional(readOnly = true)
    public List<Due> due(Instant now, Instant soonBefore) {
        List<Due> due = new ArrayList<>(
                find(Reminder.DUE_SOON, "t.due_at > ? and t.due_at <= ?", now, soonBefore));
        due.addAll(find(Reminder.OVERDUE, "t.due_at <= ?", now));
        return due;
    }

    /**
     * Marks the reminder fired for the due time it was found for; empty when another instance (or a change to the
     * task: a new due time, a move to done, a deletion) got there first. The caller holds the board's lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Claimed> claim(Due due) {
        String marker = due.reminder().marker;
        int claimed = jdbc.sql("update tasks t set " + marker + " = t.due_at where t.id = ? and t.due_at = ?"
                        + " and (t." + marker + " is null or t." + marker + " <> t.due_at) and " + NOT_DONE)
                .params(due.taskId(), Timestamp.from(due.dueAt()))
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        List<Long> assigneeIds = jdbc.sql("select account_id from task_assignees where task_id = ? order by account_id")
                .param(due.taskId())
                .query(Long.class)
                .list();
        return Optional.of(jdbc.sql("select id, board_id, column_id, title, due_at, creator_id from tasks where id = ?")
                .param(due.taskId())
                .query((rs, row) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), assigneeIds, rs.getLong(6)))
                .single());
    }

    private List<Due> find(Reminder reminder, String window, Instant... times) {
        Object[] params = Arrays.stream(times).map(Timestamp::from).toArray();
        return jdbc.sql("select t.id, t.board_id, t.due_at from tasks t where t.due_at is not null and " + window
                        + " and (t." + reminder.marker + " is null or t." + reminder.marker + " <> t.due_at) and "
                        + NOT_DONE + " order by t.due_at")
                .params(params)
                .query((rs, row) -> new Due(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), reminder))
                .list();
    }
}
