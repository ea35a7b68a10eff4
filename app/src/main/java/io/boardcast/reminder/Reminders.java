package io.boardcast.reminder;

import io.boardcast.board.BoardAccess;
import io.boardcast.board.BoardService;
import io.boardcast.task.TaskDeadlines;
import io.boardcast.task.TaskDeadlines.Claimed;
import io.boardcast.task.TaskDeadlines.Due;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds reminders that are due and fires each exactly once, however many instances scan at the same time: the
 * claim is a conditional update made under the board's row lock, so a second claimant finds it already taken.
 */
@Service
class Reminders {

    private final TaskDeadlines deadlines;
    private final BoardService boards;
    private final BoardAccess access;
    private final JdbcClient jdbc;
    private final NotificationRepository notifications;
    private final ApplicationEventPublisher events;
    private final ReminderProperties properties;
    private final Clock clock;

    Reminders(TaskDeadlines deadlines, BoardService boards, BoardAccess access, JdbcClient jdbc,
            NotificationRepository notifications, ApplicationEventPublisher events, ReminderProperties properties,
            Clock clock) {
        this.notifications = notifications;
        this.deadlines = deadlines;
        this.boards = boards;
        this.access = access;
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    List<Due> due() {
        Instant now = clock.instant();
        return deadlines.due(now, now.plus(properties.leadTime()));
    }

    /**
     * Claims and fires one reminder in its own transaction; false when another instance (or a change) won. A
     * notification goes to each assignee who is still a member (or, with none, the creator while a member): someone
     * removed from the board hears nothing more of it.
     */
    @Transactional
    boolean fire(Due due) {
        boards.lock(due.boardId());
        Optional<Claimed> claimed = deadlines.claim(due);
        if (claimed.isEmpty()) {
            return false;
        }
        Claimed task = claimed.get();
        String kind = ReminderFired.kindOf(due.reminder());
        List<Long> assignees = task.assigneeIds().stream()
                .filter(userId -> access.isMember(task.boardId(), userId))
                .toList();
        Stream<Long> recipients = assignees.isEmpty()
                ? Stream.of(task.creatorId()).filter(userId -> access.isMember(task.boardId(), userId))
                : assignees.stream();
        recipients.forEach(recipient -> notifyRecipient(recipient, task, due));
        events.publishEvent(new ReminderFired(task.boardId(), task.taskId(), task.columnId(), kind));
        return true;
    }

    /** The recipient's notification, shown on their open pages once this commits. */
    private void notifyRecipient(long recipient, Claimed task, Due due) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into notifications (user_id, board_id, task_id, kind, task_title, due_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(recipient, task.boardId(), task.taskId(), due.reminder().name(), task.title(),
                        Timestamp.from(task.dueAt()), Timestamp.from(clock.instant()))
                .update(key, "id");
        events.publishEvent(new Notified(notifications.usernameOf(recipient), key.getKey().longValue()));
    }
}
