package io.boardcast.reminder;

import io.boardcast.realtime.PersonalRenderer;
import io.boardcast.realtime.PushedFragments;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/**
 * A person's notifications on whatever page they have open: a toast for a new one (a mention, or a reminder of their
 * task) and the bell with its unread count, from {@code reminder/fragments.html}. The bell is counted when it is
 * rendered, so whichever bell a page applies last is right as of then.
 */
@Component
class NotificationFragments implements PersonalRenderer {

    private final NotificationRepository notifications;
    private final Clock clock;

    NotificationFragments(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void render(String username, long notificationId, PushedFragments fragments) {
        notifications.findFor(notificationId, username).ifPresent(notification -> toast(notification, fragments));
        bell(username, fragments);
    }

    @Override
    public long catchUp(String username, long afterId, int max, PushedFragments fragments) {
        List<Notification> newer = max <= 0 ? List.of()
                : new ArrayList<>(notifications.findAfter(username, afterId, Limit.of(max)));
        Collections.reverse(newer);
        newer.forEach(notification -> toast(notification, fragments));
        bell(username, fragments);
        return newer.isEmpty() ? afterId : newer.get(newer.size() - 1).getId();
    }

    /**
     * A mention's or an assignment's toast, or a reminder's: the very toast the board's viewers get (same id and words), so an assignee
     * watching that board sees one.
     */
    private void toast(Notification notification, PushedFragments fragments) {
        if (notification.isFromSomeone()) {
            fragments.add("reminder/fragments", "notice", Map.of("notification", notification));
        } else if (notification.getDueAt() != null) {
            fragments.add("reminder/fragments", "toast", Map.of("overdue", notification.isOverdue(),
                    "title", notification.getTaskTitle(), "taskId", notification.getTaskId(),
                    "dueIn", ReminderFragments.dueIn(notification.getDueAt(), clock)));
        }
    }

    private void bell(String username, PushedFragments fragments) {
        fragments.add("reminder/fragments", "bell", Map.of("unreadNotifications", notifications.countUnread(username)));
    }
}
