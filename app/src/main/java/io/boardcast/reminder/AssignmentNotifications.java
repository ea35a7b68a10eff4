package io.boardcast.reminder;

import io.boardcast.task.MemberAssigned;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Being made an assignee by someone else becomes a notification, written in the transaction that saved the task and
 * shown as a toast on the person's open pages after commit, like a mention.
 */
@Component
class AssignmentNotifications {

    static final String KIND = "ASSIGNED";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssignmentNotifications(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MemberAssigned assigned) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into notifications (user_id, board_id, task_id, kind, task_title, actor_id, actor_name,
                                                   created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(assigned.assigneeId(), assigned.boardId(), assigned.taskId(), KIND, assigned.taskTitle(),
                        assigned.actorId(), assigned.actorName(), Timestamp.from(clock.instant()))
                .update(key, "id");
        events.publishEvent(new Notified(assigned.assigneeName(), key.getKey().longValue()));
    }
}
