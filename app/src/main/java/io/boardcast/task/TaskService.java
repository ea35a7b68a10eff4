package io.boardcast.task;

import io.boardcast.account.Account;
import io.boardcast.board.Board;
import io.boardcast.board.BoardAccess;
import io.boardcast.board.BoardColumn;
import io.boardcast.board.BoardService;
import io.boardcast.board.Labels;
import io.boardcast.board.Label;
import io.boardcast.board.Membership;
import io.boardcast.realtime.EventLog;
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
import java.util.Objects;
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
    private final Undos undos;
    private final EventLog log;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskService(TaskRepository tasks, BoardService boards, BoardAccess access, Labels labels, Mentions mentions,
            Undos undos, EventLog log, ApplicationEventPublisher events, Clock clock) {
        this.tasks = tasks;
        this.undos = undos;
        this.log = log;
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
        assigned(task, membership.getAccount(), List.of());
        return task;
    }

    /** A change made, and the offer to undo it (null: nothing changed, nothing to undo). */
    public record Changed(Task task, UndoOffer undo) {
    }

    @Transactional
    public Changed edit(long boardId, long taskId, String username, TaskForm form) {
        Membership membership = access.edit(boardId, username);
        lock(boardId);
        Task task = current(boardId, taskId, form.getVersion());
        Undos.Before before = Undos.Before.of(task);
        task.change(details(boardId, form, task.getDueAt()), clock.instant());
        tasks.flush();
        events.publishEvent(new TaskEdited(boardId, taskId, task.getColumnId()));
        // Only names the description didn't mention before: saving it again tells nobody again.
        mentions.publish(task, null, membership.getAccount(), task.getDescription(), before.description());
        assigned(task, membership.getAccount(), before.assignees());
        return new Changed(task, undos.record(task, username, Undos.Action.EDIT, before,
                "Saved " + quoted(task.getTitle()) + ".", "/boards/" + boardId + "/tasks/" + taskId));
    }

    /**
     * A task after a move: the column it left (the same one when it stayed), its board with its columns, how many
     * cards the target column holds now, and whether anything changed.
     */
    public record Moved(Task task, long from, Board board, int cardsInTarget, boolean changed, UndoOffer undo) {

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
            return new Moved(task, source, board, cards.size() + 1, false, null);
        }
        Undos.Before was = Undos.Before.of(task);
        cards.add(index, task);
        if (source != target) {
            task.moveTo(target, clock.instant());
        }
        renumber(cards);
        tasks.flush();
        events.publishEvent(source == target
                ? new TaskReordered(boardId, taskId, target, task.getTitle())
                : new TaskMoved(boardId, taskId, target, source, task.getTitle()));
        return new Moved(task, source, board, cards.size(), true, undos.record(task, username, Undos.Action.MOVE, was,
                "Moved " + quoted(task.getTitle()) + " to " + board.columnName(target) + ".", "/boards/" + boardId));
    }

    /** Takes the task off the board; it keeps its comments and can be restored from the board's archive. */
    @Transactional
    public Changed archive(long boardId, long taskId, String username, Long version) {
        access.edit(boardId, username);
        lock(boardId);
        Task task = tasks.findOnBoard(boardId, taskId).orElseThrow(NotFoundException::new);
        if (version != null && version != task.getVersion()) {
            throw new StaleTaskException(taskId);
        }
        if (task.isArchived()) {
            return new Changed(task, null);
        }
        Undos.Before before = Undos.Before.of(task);
        task.archive(clock.instant());
        tasks.flush();
        events.publishEvent(new TaskArchived(boardId, taskId, task.getColumnId()));
        return new Changed(task, undos.record(task, username, Undos.Action.ARCHIVE, before,
                "Archived " + quoted(task.getTitle()) + ".", "/boards/" + boardId));
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

    /**
     * Deletes the task; with a {@code version}, only if nobody changed it since (else {@link StaleTaskException}). It
     * is hidden at once everywhere and purged for good a minute later (see {@link Undos}), so the deletion can be
     * undone meanwhile.
     */
    @Transactional
    public Changed delete(long boardId, long taskId, String username, Long version) {
        access.edit(boardId, username);
        lock(boardId);
        Task task = tasks.findOnBoard(boardId, taskId).orElseThrow(NotFoundException::new);
        if (version != null && version != task.getVersion()) {
            throw new StaleTaskException(taskId);
        }
        Undos.Before before = Undos.Before.of(task);
        tasks.flush();
        tasks.hide(taskId, clock.instant());
        events.publishEvent(new TaskDeleted(boardId, taskId, task.getColumnId(), task.getTitle()));
        return new Changed(task, undos.record(task, username, Undos.Action.DELETE, before,
                "Deleted " + quoted(task.getTitle()) + ".", "/boards/" + boardId));
    }

    /** Why an undo can't be done: it would overwrite someone's change, it is too late, or it was done already. */
    public static class UndoRefused extends RuntimeException {

        UndoRefused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Undoes one's own change by a new change (logged and pushed like any other): a move moves the task back, an edit
     * puts back what it replaced, an archive restores the task, a deletion brings it back where it was. Refused when
     * the undo's time is up, when it was used already, or when anyone changed the task since (it would be lost).
     */
    @Transactional
    public Changed undo(long boardId, long undoId, String username) {
        access.edit(boardId, username);
        lock(boardId);
        Undos.Undo undo = undos.find(boardId, undoId, username).orElseThrow(NotFoundException::new);
        if (undo.undone()) {
            throw new UndoRefused("That was undone already.");
        }
        if (undo.expiredAt(clock.instant())) {
            throw new UndoRefused("Too late to undo: an undo is offered for " + Undos.WINDOW.toSeconds() + " seconds.");
        }
        Undos.Before before = undo.before();
        long taskId = undo.taskId();
        Task task;
        if (undo.action() == Undos.Action.DELETE) {
            // Its column can't have gone meanwhile: deleting a column purges the hidden cards it holds.
            if (tasks.unhide(taskId, boardId) == 0) {
                throw new UndoRefused(quoted(before.title()) + " is gone for good.");
            }
            task = tasks.findOnBoard(boardId, taskId).orElseThrow(NotFoundException::new);
            List<Task> cards = new ArrayList<>(tasks.inColumn(task.getColumnId()));
            cards.remove(task);
            cards.add(Math.max(0, Math.min(before.position(), cards.size())), task);
            renumber(cards);
            tasks.flush();
            events.publishEvent(new TaskRestored(boardId, taskId, task.getColumnId()));
        } else {
            task = tasks.findOnBoard(boardId, taskId).orElseThrow(NotFoundException::new);
            if (task.getVersion() != undo.versionAfter()) {
                throw new UndoRefused(changedSince(boardId, task));
            }
            switch (undo.action()) {
                case MOVE -> move(boardId, taskId, username, before.columnId(), before.position(), task.getVersion());
                case ARCHIVE -> restore(boardId, taskId, username);
                default -> putBack(boardId, task, before);
            }
        }
        undos.markUndone(undoId);
        return new Changed(task, null);
    }

    private void putBack(long boardId, Task task, Undos.Before before) {
        Set<Long> labelIds = new HashSet<>(before.labelIds());
        labelIds.retainAll(labels.of(boardId).stream().map(Label::getId).toList());
        Set<Account> assignees = new HashSet<>();
        for (String name : before.assignees()) {
            access.memberNamed(boardId, name).ifPresent(member -> assignees.add(member.getAccount()));
        }
        task.change(new TaskDetails(before.title(), before.description(), assignees, before.dueAt(), labelIds),
                clock.instant());
        tasks.flush();
        events.publishEvent(new TaskEdited(boardId, task.getId(), task.getColumnId()));
    }

    /** "“Ship it” was changed since, by bob: undoing would overwrite that." */
    private String changedSince(long boardId, Task task) {
        String by = log.history(boardId, task.getId(), Long.MAX_VALUE, 1).stream()
                .map(entry -> entry.event().actor()).filter(Objects::nonNull).findFirst()
                .map(actor -> ", by " + actor).orElse("");
        return quoted(task.getTitle()) + " was changed since" + by + ": undoing would overwrite that.";
    }

    /** Tells each member newly made an assignee by someone else (not one who assigned themselves). */
    private void assigned(Task task, Account actor, List<String> before) {
        task.getAssignees().stream()
                .filter(assignee -> !before.contains(assignee.getUsername()) && !assignee.getId().equals(actor.getId()))
                .forEach(assignee -> events.publishEvent(new MemberAssigned(task.getBoardId(), task.getId(),
                        task.getTitle(), actor.getId(), actor.getUsername(), assignee.getId(), assignee.getUsername())));
    }

    private static String quoted(String title) {
        return "\u201c" + title + "\u201d";
    }

    private static void renumber(List<Task> cards) {
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).placeAt(i);
        }
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
