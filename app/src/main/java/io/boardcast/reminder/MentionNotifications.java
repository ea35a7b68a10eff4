package io.boardcast.reminder;

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
 * A mention becomes a notification for the member mentioned, written in the transaction that saved the mentioning
 * text (so a comment and its notifications commit or roll back together), and shown on their open pages after commit.
 */
@Component
class MentionNotifications {

    static final String KIND = "MENTIONED";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MentionNotifications(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MemberMentioned mention) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into notifications (user_id, board_id, task_id, kind, task_title, actor_id, actor_name,
                                                   comment_id, excerpt, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(mention.mentionedId(), mention.boardId(), mention.taskId(), KIND, mention.taskTitle(),
                        mention.actorId(), mention.actorName(), mention.commentId(), mention.excerpt(),
                        Timestamp.from(clock.instant()))
                .update(key, "id");
        events.publishEvent(new Notified(mention.mentionedName(), key.getKey().longValue()));
    }
}
