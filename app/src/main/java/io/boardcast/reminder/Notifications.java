package io.boardcast.reminder;

import io.boardcast.board.BoardService;
import io.boardcast.web.NotFoundException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class Notifications {

    private final NotificationRepository notifications;
    private final BoardService boards;
    private final Clock clock;

    Notifications(NotificationRepository notifications, BoardService boards, Clock clock) {
        this.notifications = notifications;
        this.boards = boards;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public long unread(String username) {
        return notifications.countUnread(username);
    }

    @Transactional(readOnly = true)
    public long lastId(String username) {
        return notifications.lastId(username);
    }

    /** A page of the person's notifications, newest first; {@code before} (theirs, or not found) pages back. */
    @Transactional(readOnly = true)
    NotificationPage page(String username, Long before) {
        Limit oneMore = Limit.of(NotificationPage.SIZE + 1);
        List<Notification> newestFirst = before == null ? notifications.findNewest(username, oneMore)
                : notifications.findFor(before, username)
                        .map(last -> notifications.findOlder(username, last.getCreatedAt(), last.getId(), oneMore))
                        .orElseThrow(NotFoundException::new);
        List<Notification> items = List.copyOf(
                newestFirst.subList(0, Math.min(NotificationPage.SIZE, newestFirst.size())));
        Long older = newestFirst.size() > NotificationPage.SIZE ? items.get(items.size() - 1).getId() : null;
        return new NotificationPage(items, before, older);
    }

    /** The names of the boards a page of notifications is about, by id (a board that is gone has none). */
    @Transactional(readOnly = true)
    Map<Long, String> boardNames(NotificationPage page) {
        Map<Long, String> names = new HashMap<>();
        page.items().stream().map(Notification::getBoardId).distinct().forEach(boardId ->
                boards.find(boardId).ifPresent(board -> names.put(boardId, board.getName())));
        return names;
    }

    @Transactional
    void markRead(long id, String username) {
        notifications.findFor(id, username).orElseThrow(NotFoundException::new).markRead(clock.instant());
    }

    @Transactional
    void markAllRead(String username) {
        notifications.markAllRead(username, clock.instant());
    }
}
