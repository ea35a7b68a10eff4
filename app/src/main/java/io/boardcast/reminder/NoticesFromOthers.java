package io.boardcast.reminder;

import io.boardcast.task.MemberAssigned;
import io.boardcast.task.MemberMentioned;
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
 * What someone else did that concerns a member — mentioned them, made them an assignee — becomes a notification for
 * that member, written in the transaction that saved the change (so the two commit or roll back together), and shown
 * on their open pages after commit.
 */
@Component
class NoticesFromOthers {

    static final String MENTIONED = "MENTIONED";
    static final String ASSIGNED = "ASSIGNED";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticesFromOthers(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MemberMentioned mention) {
        write(new Notice(mention.mentionedId(), mention.mentionedName(), mention.boardId(), mention.taskId(), MENTIONED,
                mention.taskTitle(), mention.actorId(), mention.actorName(), mention.commentId(), mention.excerpt()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MemberAssigned assigned) {
        write(new Notice(assigned.assigneeId(), assigned.assigneeName(), assigned.boardId(), assigned.taskId(),
                ASSIGNED, assigned.taskTitle(), assigned.actorId(), assigned.actorName(), null, null));
    }

    /** One notification of someone else's doing: who it is for, about which task, by whom, and in which comment. */
    private record Notice(long userId, String username, long boardId, long taskId, String kind, String taskTitle,
            long actorId, String actorName, Long commentId, String excerpt) {
    }

    private void write(Notice notice) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into notifications (user_id, board_id, task_id, kind, task_title, actor_id, actor_name,
                                                   comment_id, excerpt, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(notice.userId(), notice.boardId(), notice.taskId(), notice.kind(), notice.taskTitle(),
                        notice.actorId(), notice.actorName(), notice.commentId(), notice.excerpt(),
                        Timestamp.from(clock.instant()))
                .update(key, "id");
        events.publishEvent(new Notified(notice.username(), key.getKey().longValue()));
    }
}
