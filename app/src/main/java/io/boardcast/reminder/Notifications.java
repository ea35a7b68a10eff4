package io.boardcast.reminder;

import io.boardcast.board.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class Notifications {

    private final NotificationRepository notifications;
    private final Clock clock;

    Notifications(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public long unread(String username) {
        return notifications.countUnread(username);
    }

    @Transactional(readOnly = true)
    List<Notification> of(String username) {
        return notifications.findFor(username);
    }

    @Transactional
    void markRead(long id, String username) {
        notifications.findFor(id, username).orElseThrow(NotFoundException::new).markRead(clock.instant());
    }

    @Transactional
    void markAllRead(String username) {
        notifications.findFor(username).forEach(n -> n.markRead(clock.instant()));
    }
}
