package io.boardcast.checklist;

import io.boardcast.board.BoardAccess;
import io.boardcast.board.BoardService;
import io.boardcast.task.Task;
import io.boardcast.task.TaskService;
import io.boardcast.web.NotFoundException;
import io.boardcast.web.RefusedChange;
import io.boardcast.web.StaleFormException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes to a task's checklist, split by verb. Each checks the writer may edit, takes the board's lock, changes the
 * items, renumbers them (0, 1, 2 ...), has the task count its progress and publishes {@link ChecklistChanged}: one
 * transaction, so the card's progress, the items and the board's log never disagree.
 */
@Service
class ChecklistService {

    /** A checklist is a short list: this keeps the page, and each pushed list, small. */
    static final int MAX_ITEMS = 50;

    private final ChecklistItemRepository items;
    private final TaskService tasks;
    private final BoardService boards;
    private final BoardAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChecklistService(ChecklistItemRepository items, TaskService tasks, BoardService boards, BoardAccess access,
            ApplicationEventPublisher events, Clock clock) {
        this.items = items;
        this.tasks = tasks;
        this.boards = boards;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** A task's items in their order. The caller has checked access. */
    @Transactional(readOnly = true)
    public List<ChecklistItem> of(long taskId) {
        return items.findByTaskIdOrderByPositionAscIdAsc(taskId);
    }

    /** Adds an item at the end; refused when the checklist is full. */
    @Transactional
    public Task add(long boardId, long taskId, String username, String text) {
        List<ChecklistItem> list = locked(boardId, taskId, username);
        if (list.size() >= MAX_ITEMS) {
            throw new RefusedChange("A checklist has at most " + MAX_ITEMS + " items.");
        }
        list.add(items.save(new ChecklistItem(taskId, text.strip(), list.size(), clock.instant())));
        return changed(boardId, taskId, list);
    }

    /** Ticks an item, or unticks it; {@code version} (optional) is the item's as the form showed it. */
    @Transactional
    public Task toggle(long boardId, long taskId, long itemId, String username, Long version) {
        List<ChecklistItem> list = locked(boardId, taskId, username);
        fresh(item(list, itemId), version).toggle();
        return changed(boardId, taskId, list);
    }

    @Transactional
    public Task rename(long boardId, long taskId, long itemId, String username, String text, Long version) {
        List<ChecklistItem> list = locked(boardId, taskId, username);
        fresh(item(list, itemId), version).rename(text.strip());
        return changed(boardId, taskId, list);
    }

    @Transactional
    public Task delete(long boardId, long taskId, long itemId, String username) {
        List<ChecklistItem> list = locked(boardId, taskId, username);
        ChecklistItem item = item(list, itemId);
        list.remove(item);
        items.delete(item);
        return changed(boardId, taskId, list);
    }

    /** Moves an item to {@code position} (0 is the top; clamped; null is the end). */
    @Transactional
    public Task move(long boardId, long taskId, long itemId, String username, Integer position) {
        List<ChecklistItem> list = locked(boardId, taskId, username);
        ChecklistItem item = item(list, itemId);
        list.remove(item);
        int at = position == null ? list.size() : Math.max(0, Math.min(position, list.size()));
        list.add(at, item);
        return changed(boardId, taskId, list);
    }

    private List<ChecklistItem> locked(long boardId, long taskId, String username) {
        access.edit(boardId, username);
        boards.lock(boardId);
        tasks.find(boardId, taskId, username); // another board's task (or none) is not found before anything is read
        return new ArrayList<>(items.findByTaskIdOrderByPositionAscIdAsc(taskId));
    }

    /**
     * Renumbers the items in the list's order, has the task count them and logs the change.
     */
    private Task changed(long boardId, long taskId, List<ChecklistItem> list) {
        for (int i = 0; i < list.size(); i++) {
            list.get(i).placeAt(i);
        }
        int done = (int) list.stream().filter(ChecklistItem::isDone).count();
        Task task = tasks.checklistCounted(boardId, taskId, done, list.size());
        events.publishEvent(new ChecklistChanged(boardId, taskId, task.getColumnId()));
        return task;
    }

    private static ChecklistItem item(List<ChecklistItem> list, long itemId) {
        return list.stream().filter(item -> item.getId() == itemId).findFirst().orElseThrow(NotFoundException::new);
    }

    private static ChecklistItem fresh(ChecklistItem item, Long version) {
        if (version != null && version != item.getVersion()) {
            throw new StaleFormException();
        }
        return item;
    }
}
