package io.boardcast.task;

import io.boardcast.account.Account;
import io.boardcast.board.Board;
import io.boardcast.board.BoardAccess;
import io.boardcast.board.BoardColumn;
import io.boardcast.board.BoardService;
import io.boardcast.board.Labels;
import io.boardcast.board.Membership;
import io.boardcast.task.TaskEvents.TaskArchived;
import io.boardcast.task.TaskEvents.TaskCreated;
import io.boardcast.task.TaskEvents.TaskDeleted;
import io.boardcast.task.TaskEvents.TaskEdited;
import io.boardcast.task.TaskEvents.TaskMoved;
import io.boardcast.task.TaskEvents.TaskReordered;
import io.boardcast.task.TaskEvents.TaskRestored;
import io.boardcast.web.NotFoundException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes to tasks, split by verb. Each locks its board first so the board's changes are logged in commit order. */
@Service
public class TaskService {

    /** Due dates a calendar (and the database's timestamps) can hold; anything else is a typing accident. */
    private static final int EARLIEST_YEAR = 1900;
    private static final int LATEST_YEAR = 9999;

    private final TaskRepository tasks;
    private final BoardService boards;
    private final BoardAccess access;
    private final Labels labels;
    private final Mentions mentions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskService(TaskRepository tasks, BoardService boards, BoardAccess access, Labels labels, Mentions mentions,
            ApplicationEventPublisher events, Clock clock) {
        this.tasks = tasks;
        this.mentions = mentions;
        this.labels = labels;
        this.boards = boards;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Task find(long boardId, long taskId, String username) {
        access.view(boardId, username);
        return tasks.findOnBoard(boardId, taskId).orElseThrow(NotFoundException::new);
    }

    /** The board's cards (not archived), each column's in their order; for a member (an export). */
    @Transactional(readOnly = true)
    public List<Task> cards(long boardId, String username) {
        access.view(boardId, username);
        return tasks.onBoard(boardId);
    }

    @Transactional
    public Task create(long boardId, String username, TaskForm form) {
        Membership membership = access.edit(boardId, username);
        Board board = lock(boardId);
        BoardColumn column = form.getColumnId() == null ? board.firstColumn() : column(board, form.getColumnId());
        Task task = tasks.save(new Task(boardId, column.getId(), tasks.nextPosition(column.getId()),
                membership.getAccount(), details(boardId, form, null), clock.instant()));
        events.publishEvent(new TaskCreated(boardId, task.getId(), column.getId()));
        mentions.publish(task, null, membership.getAccount(), task.getDescription(), null);
        return task;
    }

    @Transactional
    public Task edit(long boardId, long taskId, String username, TaskForm form) {
        Membership membership = access.edit(boardId, username);
        lock(boardId);
        Task task = current(boardId, taskId, form.getVersion());
        String previousDescription = task.getDescription();
        task.change(details(boardId, form, task.getDueAt()), clock.instant());
        tasks.flush();
        events.publishEvent(new TaskEdited(boardId, taskId, task.getColumnId()));
        // Only names the description didn't mention before: saving it again tells nobody again.
        mentions.publish(task, null, membership.getAccount(), task.getDescription(), previousDescription);
        return task;
    }

    /**
     * A task after a move: the column it left (the same one when it stayed), its board with its columns, how many
     * cards the target column holds now, and whether anything changed.
     */
    public record Moved(Task task, long from, Board board, int cardsInTarget, boolean changed) {

        /** The target column's limit, when this move took it over (the mover is told; the move stands). */
        public Optional<BoardColumn> overLimit() {
            BoardColumn target = board.column(task.getColumnId()).orElseThrow();
            boolean over = changed && from != target.getId() && target.getWipLimit() != null
                    && cardsInTarget > target.getWipLimit();
            return over ? Optional.of(target) : Optional.empty();
        }
    }

    /**
     * Puts the task at a 0-based {@code position} of a column (clamped; null for the end), renumbering that column.
     * The task is read only after the board is locked, so concurrent moves are applied one after the other and a
     * stale version is answered as such, never half-applied. A move to where the card already is changes nothing.
     */
    @Transactional
    public Moved move(long boardId, long taskId, String username, long columnId, Integer position, Long version) {
        access.edit(boardId, username);
        Board board = lock(boardId);
        Task task = current(boardId, taskId, version);
        if (task.isArchived()) {
            throw new RejectedInput("columnId", "This task is archived: restore it to the board first.");
        }
        long target = column(board, columnId).getId();
        long source = task.getColumnId();
        List<Task> cards = new ArrayList<>(tasks.inColumn(target));
        int before = cards.indexOf(task);
        cards.remove(task);
        int index = position == null ? cards.size() : Math.max(0, Math.min(position, cards.size()));
        if (source == target && index == before) {
            return new Moved(task, source, board, cards.size() + 1, false);
        }
        cards.add(index, task);
        if (source != target) {
            task.moveTo(target, clock.instant());
        }
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).placeAt(i);
        }
        tasks.flush();
        events.publishEvent(source == target
                ? new TaskReordered(boardId, taskId, target)
                : new TaskMoved(boardId, taskId, target, source));
        return new Moved(task, source, board, cards.size(), true);
    }

    /** Takes the task off the board; it keeps its comments and can be restored from the board's archive. */
    @Transactional
    public Task archive(long boardId, long taskId, String username, Long version) {
        access.edit(boardId, username);
        lock(boardId);
        Task task = tasks.findOnBoard(boardId, taskId).orElseThrow(NotFoundException::new);
        if (version != null && version != task.getVersion()) {
            throw new StaleTaskException(taskId);
        }
        if (!task.isArchived()) {
            task.archive(clock.instant());
            tasks.flush();
            events.publishEvent(new TaskArchived(boardId, taskId, task.getColumnId()));
        }
        return task;
    }

    /** Puts an archived task back at the end of its column. */
    @Transactional
    public Task restore(long boardId, long taskId, String username) {
        access.edit(boardId, username);
        lock(boardId);
        Task task = tasks.findOnBoard(boardId, taskId).orElseThrow(NotFoundException::new);
        if (task.isArchived()) {
            task.restore(tasks.nextPosition(task.getColumnId()), clock.instant());
            tasks.flush();
            events.publishEvent(new TaskRestored(boardId, taskId, task.getColumnId()));
        }
        return task;
    }

    /** Deletes the task; with a {@code version}, only if nobody changed it since (else {@link StaleTaskException}). */
    @Transactional
    public void delete(long boardId, long taskId, String username, Long version) {
        access.edit(boardId, username);
        lock(boardId);
        Task task = tasks.findOnBoard(boardId, taskId).orElseThrow(NotFoundException::new);
        if (version != null && version != task.getVersion()) {
            throw new StaleTaskException(taskId);
        }
        tasks.delete(task);
        tasks.flush();
        events.publishEvent(new TaskDeleted(boardId, taskId, task.getColumnId(), task.getTitle()));
    }

    /**
     * Counts a new comment on the card, in the comment's transaction (which holds the board's lock); the task as it
     * is now, or not found.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Task commentAdded(long boardId, long taskId) {
        Task task = tasks.findOnBoard(boardId, taskId).orElseThrow(NotFoundException::new);
        task.commentAdded();
        return task;
    }

    /**
     * Sets the card's checklist progress, in the checklist's transaction (which holds the board's lock); the task as
     * it is now, or not found. Not a change of the task's version: its open forms stay valid.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Task checklistCounted(long boardId, long taskId, int done, int total) {
        Task task = tasks.findOnBoard(boardId, taskId).orElseThrow(NotFoundException::new);
        task.checklistCounted(done, total);
        return task;
    }

    private Board lock(long boardId) {
        return boards.lock(boardId);
    }

    private Task current(long boardId, long taskId, Long version) {
        Task task = tasks.findOnBoard(boardId, taskId).orElseThrow(NotFoundException::new);
        if (version == null || version != task.getVersion()) {
            throw new StaleTaskException(taskId);
        }
        return task;
    }

    private static BoardColumn column(Board board, long columnId) {
        return board.column(columnId)
                .orElseThrow(() -> new RejectedInput("columnId", "Choose one of this board's columns."));
    }

    private TaskDetails details(long boardId, TaskForm form, Instant storedDueAt) {
        Set<Account> assignees = new HashSet<>();
        for (String name : form.assigneeNames()) {
            assignees.add(access.memberNamed(boardId, name).orElseThrow(() -> notAMember(name)).getAccount());
        }
        String description = form.getDescription() == null || form.getDescription().isBlank() ? null : form.getDescription();
        Set<Long> labelIds = new HashSet<>(form.getLabelIds());
        labelIds.remove(null);
        if (!labels.allOn(boardId, labelIds)) {
            throw new RejectedInput("labelIds", "Choose labels of this board.");
        }
        return new TaskDetails(form.getTitle().strip(), description, assignees, dueAt(form, storedDueAt), labelIds);
    }

    private static RejectedInput notAMember(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return new RejectedInput("assignees", "The assignee must be a member of this board: “" + shown + "” is not.");
    }

    /**
     * The due time entered, to the minute (the form shows minutes). A form that comes back showing the stored due
     * time keeps it exactly: in a fall-back hour the local time names two instants, and re-reading it would move
     * the deadline by an hour (and re-arm its reminders) on an edit of some other field.
     */
    private Instant dueAt(TaskForm form, Instant storedDueAt) {
        if (form.getDueAt() == null) {
            return null;
        }
        ZoneId zone = clock.getZone();
        if (form.getZone() != null && !form.getZone().isBlank()) {
            try {
                zone = ZoneId.of(form.getZone());
            } catch (DateTimeException unknownZone) {
                throw new RejectedInput("dueAt", "Your browser sent a time zone we don't know: " + form.getZone());
            }
        }
        LocalDateTime entered = form.getDueAt().truncatedTo(ChronoUnit.MINUTES);
        if (entered.getYear() < EARLIEST_YEAR || entered.getYear() > LATEST_YEAR) {
            throw new RejectedInput("dueAt", "Choose a due date between the years " + EARLIEST_YEAR + " and "
                    + LATEST_YEAR + ".");
        }
        if (storedDueAt != null
                && LocalDateTime.ofInstant(storedDueAt, zone).truncatedTo(ChronoUnit.MINUTES).equals(entered)) {
            return storedDueAt;
        }
        return entered.atZone(zone).toInstant();
    }
}
