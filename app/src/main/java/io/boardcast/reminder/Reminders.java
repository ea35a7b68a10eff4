package io.boardcast.reminder;

import io.boardcast.board.BoardRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds reminders that are due and fires each exactly once, however many instances scan at the same time: the
 * claim is a conditional update made under the board's row lock, so a second claimant finds it already taken.
 */
@Service
class Reminders {

    /** Tasks not (or no longer) in their board's last column: done tasks need no reminding. */
    private static final String NOT_DONE = """
            t.column_id in (select c.id from board_columns c where c.board_id = t.board_id
                            and c.position < (select max(l.position) from board_columns l where l.board_id = t.board_id))""";

    record Due(long taskId, long boardId, Instant dueAt, ReminderKind kind) {
    }

    private final JdbcClient jdbc;
    private final BoardRepository boards;
    private final ApplicationEventPublisher events;
    private final ReminderProperties properties;
    private final Clock clock;

    Reminders(JdbcClient jdbc, BoardRepository boards, ApplicationEventPublisher events,
            ReminderProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.boards = boards;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Due> due() {
        Instant now = clock.instant();
        List<Due> due = new ArrayList<>(find(ReminderKind.DUE_SOON, "t.due_at > ? and t.due_at <= ?", now,
                now.plus(properties.leadTime())));
        due.addAll(find(ReminderKind.OVERDUE, "t.due_at <= ?", now));
        return due;
    }

    /**
     * Claims and fires one reminder in its own transaction; false when another instance (or a change) won. The
     * notification goes to the assignee (or else the creator), and only while that person is still a
     * member: someone removed from the board hears nothing more of it.
     */
    @Transactional
    boolean fire(Due due) {
        boards.lockById(due.boardId());
        int claimed = jdbc.sql("update tasks t set " + due.kind().marker + " = t.due_at where t.id = ? and t.due_at = ?"
                        + " and (t." + due.kind().marker + " is null or t." + due.kind().marker + " <> t.due_at)"
                        + " and " + NOT_DONE)
                .params(due.taskId(), Timestamp.from(due.dueAt()))
                .update();
        if (claimed == 0) {
            return false;
        }
        Long columnId = jdbc.sql("select column_id from tasks where id = ?").param(due.taskId())
                .query(Long.class).single();
        jdbc.sql("""
                insert into notifications (user_id, board_id, task_id, kind, task_title, due_at, created_at)
                select m.user_id, t.board_id, t.id, ?, t.title, t.due_at, ?
                from tasks t join memberships m on m.board_id = t.board_id
                where t.id = ? and m.user_id = coalesce(
                    (select a.user_id from memberships a where a.board_id = t.board_id and a.user_id = t.assignee_id),
                    (select c.user_id from memberships c where c.board_id = t.board_id and c.user_id = t.creator_id))""")
                .params(due.kind().name(), Timestamp.from(clock.instant()), due.taskId())
                .update();
        events.publishEvent(new ReminderFired(due.boardId(), due.taskId(), columnId, due.kind().change));
        return true;
    }

    private List<Due> find(ReminderKind kind, String window, Instant... times) {
        Object[] params = Arrays.stream(times).map(Timestamp::from).toArray();
        return jdbc.sql("select t.id, t.board_id, t.due_at from tasks t where t.due_at is not null and " + window
                        + " and (t." + kind.marker + " is null or t." + kind.marker + " <> t.due_at) and " + NOT_DONE
                        + " order by t.due_at")
                .params(params)
                .query((rs, row) -> new Due(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), kind))
                .list();
    }
}
