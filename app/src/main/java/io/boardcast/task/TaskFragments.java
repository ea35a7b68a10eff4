package io.boardcast.task;

import io.boardcast.board.Board;
import io.boardcast.board.BoardAccess;
import io.boardcast.board.BoardService;
import io.boardcast.board.Labels;
import io.boardcast.realtime.Activity;
import io.boardcast.realtime.BoardEvent;
import io.boardcast.realtime.EventRenderer;
import io.boardcast.realtime.PageView;
import io.boardcast.realtime.PushedFragments;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a task's changes look like to live viewers, from {@code task/fragments.html}: the same fragments the board page
 * and the htmx answers are made of. A card that arrives or leaves pushes itself and the header of its column, whose
 * card order puts every card in place. A move, the most frequent change, pushes a few hundred bytes whatever the
 * columns hold: the card's new place (after the card now before it among those the page shows, as htmx moves the
 * page's own card there), its new version and the two columns' counts. Modules whose changes show on a card
 * (comments, reminders) push it through here.
 * <p>
 * A filtered page's stream gets, for any change of a card, either the card's removal (it doesn't match now) or the
 * card appended to its column unless the page has it, then swapped in and put in place by its column's header (it
 * does): so cards leave and arrive as they start or stop matching, whatever changed them.
 */
@Component
public class TaskFragments implements EventRenderer {

    private final TaskRepository tasks;
    private final BoardService boards;
    private final BoardAccess access;
    private final Labels labels;
    private final CardFilters filters;

    TaskFragments(TaskRepository tasks, BoardService boards, BoardAccess access, Labels labels, CardFilters filters) {
        this.tasks = tasks;
        this.access = access;
        this.boards = boards;
        this.labels = labels;
        this.filters = filters;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(TaskEvents.CREATED, TaskEvents.EDITED, TaskEvents.MOVED, TaskEvents.REORDERED,
                TaskEvents.DELETED, TaskEvents.ARCHIVED, TaskEvents.RESTORED);
    }

    @Override
    public void render(BoardEvent event, PageView view, PushedFragments fragments) {
        Optional<Board> found = boards.find(event.boardId());
        if (found.isEmpty()) {
            return;
        }
        Board board = found.get();
        if (isMove(event) && view.page() == PageView.Page.BOARD && !view.filtered()) {
            placed(event, board, fragments);
            return;
        }
        Optional<Task> task = tasks.findById(event.taskId());
        if (view.page() == PageView.Page.ARCHIVE) {
            archive(event, board, task, view.canEdit(), fragments);
            return;
        }
        boolean canEdit = view.canEdit();
        Optional<Task> onBoard = task.filter(t -> !t.isArchived());
        Optional<Task> shown = onBoard.filter(t -> shows(board, t, view));
        switch (event.kind()) {
            case TaskEvents.EDITED -> {
                card(event, view, fragments);
                task.ifPresent(t -> summary(t, fragments));
                task.filter(t -> canEdit).ifPresent(t -> fragments.add("task/fragments", "changed",
                        Map.of("task", t, "board", board, "actor", actorOf(event))));
            }
            case TaskEvents.CREATED, TaskEvents.RESTORED -> {
                shown.ifPresent(t -> fragments.add("task/fragments", "card-added", cardModel(t, board, canEdit)));
                if (event.kind().equals(TaskEvents.RESTORED)) {
                    task.ifPresent(t -> summary(t, fragments));
                    gone(event, board, null, canEdit, fragments);
                }
                columnHeader(board, onBoard.map(Task::getColumnId).orElse(event.columnId()), canEdit, fragments);
            }
            case TaskEvents.MOVED, TaskEvents.REORDERED -> {
                if (view.page() == PageView.Page.TASK) {
                    task.filter(t -> event.kind().equals(TaskEvents.MOVED)).ifPresent(t -> summary(t, fragments));
                }
                long columnId = onBoard.map(Task::getColumnId).orElse(event.columnId());
                List<Long> order = tasks.orderOf(columnId); // read once: the card's place and its column's count
                shown.ifPresentOrElse(t -> moved(board, t, order, view, fragments),
                        () -> fragments.add("task/fragments", "card-removed", Map.of("taskId", event.taskId())));
                shown.ifPresent(t -> fragments.add("task/fragments", "card-version", Map.of("task", t)));
                counts(board, columnId, order, event.previousColumnId(), fragments);
            }
            default -> { // deleted or archived
                if (onBoard.isEmpty()) {
                    fragments.add("task/fragments", "card-removed", Map.of("taskId", event.taskId()));
                }
                task.ifPresent(t -> summary(t, fragments)); // an open task page says it is archived
                gone(event, board, event.kind().equals(TaskEvents.DELETED) ? "deleted" : "archived", canEdit, fragments);
                columnHeader(board, event.columnId(), canEdit, fragments);
            }
        }
        fragments.announce(event.kind(), task.map(Task::getTitle).orElse(""));
    }

    @Override
    public Optional<Activity> describe(BoardEvent event) {
        Board board = boards.find(event.boardId()).orElse(null);
        if (board == null) {
            return Optional.empty();
        }
        String title = event.title();
        return Optional.of(switch (event.kind()) {
            case TaskEvents.CREATED -> new Activity("created", title, "in " + columnName(board, event.columnId()));
            case TaskEvents.MOVED -> new Activity("moved", title, "from " + columnName(board, event.previousColumnId())
                    + " to " + columnName(board, event.columnId()));
            case TaskEvents.REORDERED -> new Activity("moved", title, "within " + columnName(board, event.columnId()));
            case TaskEvents.DELETED -> new Activity("deleted", title, "");
            case TaskEvents.ARCHIVED -> new Activity("archived", title, "");
            case TaskEvents.RESTORED -> new Activity("restored", title, "to " + columnName(board, event.columnId()));
            default -> new Activity("edited", title, "");
        });
    }

    /** A column's name now; columns can go, their history stays. */
    private static String columnName(Board board, Long columnId) {
        return columnId == null ? "another column" : board.column(columnId).map(c -> c.getName()).orElse("a removed column");
    }

    /**
     * The event's card as it is now (or its removal when the task is gone or archived). Returns the task if it still
     * exists, for callers that push more of it.
     */
    public Optional<Task> card(BoardEvent event, PageView view, PushedFragments fragments) {
        Optional<Task> task = tasks.findById(event.taskId());
        Optional<Board> board = boards.find(event.boardId());
        if (task.isPresent() && board.isPresent() && !task.get().isArchived() && shows(board.get(), task.get(), view)) {
            Map<String, Object> model = cardModel(task.get(), board.get(), view.canEdit());
            if (view.filtered()) {
                // It may have just started to match: appended unless the page has it, then put in place.
                fragments.add("task/fragments", "card-added", model);
                fragments.add("task/fragments", "card", model);
                header(board.get(), task.get().getColumnId(), view.canEdit())
                        .ifPresent(header -> fragments.add("task/fragments", "column-header", header));
            } else {
                fragments.add("task/fragments", "card", model);
            }
        } else {
            fragments.add("task/fragments", "card-removed", Map.of("taskId", event.taskId()));
        }
        return task;
    }

    /** The task page's summary of the task. */
    public void summary(Task task, PushedFragments fragments) {
        boards.find(task.getBoardId()).ifPresent(board ->
                fragments.add("task/fragments", "summary", Map.of("task", task, "board", board,
                        "labels", labels.of(board.getId()), "memberNames", memberNames(board.getId()))));
    }

    /**
     * The archive page's list: a task archived goes on top; one restored or deleted leaves. Other changes (of cards
     * on the board) push nothing to it.
     */
    private static void archive(BoardEvent event, Board board, Optional<Task> task, boolean canEdit,
            PushedFragments fragments) {
        Optional<Task> archived = task.filter(Task::isArchived);
        boolean left = event.kind().equals(TaskEvents.RESTORED) || event.kind().equals(TaskEvents.DELETED);
        if (left && archived.isEmpty()) {
            fragments.add("task/archive", "archived-removed", Map.of("taskId", event.taskId()));
        } else if (event.kind().equals(TaskEvents.ARCHIVED) && archived.isPresent()) {
            fragments.add("task/archive", "archived-added", Map.of("task", archived.get(), "board", board,
                    "canEdit", canEdit));
        }
    }

    /** What an open task page says became of the task: deleted or archived, by whom; null once it is back. */
    private static void gone(BoardEvent event, Board board, String gone, boolean canEdit, PushedFragments fragments) {
        Map<String, Object> model = new HashMap<>();
        model.put("taskId", event.taskId());
        model.put("board", board);
        model.put("gone", gone);
        model.put("actor", event.actor());
        model.put("canEdit", canEdit);
        fragments.add("task/fragments", "gone", model);
    }

    private static String actorOf(BoardEvent event) {
        return event.actor() == null ? "Someone" : event.actor();
    }

    /** The board's members by name: the @names its Markdown shows as mentions. */
    public Set<String> memberNames(long boardId) {
        return access.members(boardId);
    }

    private static boolean isMove(BoardEvent event) {
        return event.kind().equals(TaskEvents.MOVED) || event.kind().equals(TaskEvents.REORDERED);
    }

    /**
     * A move as an unfiltered board page sees it, the most frequent render of all: the page has every card, so the
     * card's place, its version and the counts are all it needs, read without the card, its labels or its people.
     */
    private void placed(BoardEvent event, Board board, PushedFragments fragments) {
        Optional<CardPlace> place = tasks.placeOf(event.taskId()).filter(card -> !card.archived());
        long columnId = place.map(CardPlace::columnId).orElse(event.columnId());
        List<Long> order = tasks.orderOf(columnId);
        place.ifPresentOrElse(card -> {
            fragments.add("task/fragments", "card-moved", placeholder(card, order, card.id()));
            fragments.add("task/fragments", "card-version", Map.of("task", card));
        }, () -> fragments.add("task/fragments", "card-removed", Map.of("taskId", event.taskId())));
        counts(board, columnId, order, event.previousColumnId(), fragments);
        fragments.announce(event.kind(), place.map(CardPlace::title).orElse(""));
    }

    /**
     * A moved card, put after the card now before it among those the page shows (or on top of its column): an
     * unfiltered page has the card and gets only a placeholder that htmx fills with it (hx-preserve), a filtered one
     * may not have it yet and gets the whole card. Rendered from the current state, in the board's order of events.
     */
    private void moved(Board board, Task task, List<Long> order, PageView view, PushedFragments fragments) {
        List<Long> shownInColumn = view.filtered()
                ? filters.matching(board, CardFilter.parse(view.filter()), tasks.inColumn(task.getColumnId())).stream()
                        .map(Task::getId).toList()
                : order;
        Map<String, Object> model = placeholder(task, shownInColumn, task.getId());
        if (view.filtered()) {
            model.putAll(cardModel(task, board, view.canEdit()));
            model.put("whole", true);
        }
        fragments.add("task/fragments", "card-moved", model);
    }

    /** The card-moved fragment's model for a card ({@link Task} or {@link CardPlace}) among those a page shows. */
    private static Map<String, Object> placeholder(Object card, List<Long> shownInColumn, long id) {
        int at = shownInColumn.indexOf(id);
        Map<String, Object> model = new HashMap<>();
        model.put("task", card);
        model.put("after", at > 0 ? shownInColumn.get(at - 1) : null);
        model.put("whole", false);
        return model;
    }

    /**
     * The counts of the column a card is in now (with its {@code order}) and of the one it left (null: none), if they
     * still exist.
     */
    private void counts(Board board, long columnId, List<Long> order, Long leftColumnId, PushedFragments fragments) {
        if (leftColumnId != null && leftColumnId != columnId) {
            header(board, leftColumnId, false).ifPresent(model -> fragments.add("task/fragments", "column-count", model));
        }
        header(board, columnId, order, false).ifPresent(model -> fragments.add("task/fragments", "column-count", model));
    }

    /** The header of the column a card arrived in or left, with its order, if the column still exists. */
    private void columnHeader(Board board, long columnId, boolean canEdit, PushedFragments fragments) {
        header(board, columnId, canEdit).ifPresent(model -> fragments.add("task/fragments", "column-header", model));
    }

    /** What a column's header needs, read now; empty for a column that is gone. */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> header(Board board, long columnId, boolean canEdit) {
        return header(board, columnId, tasks.orderOf(columnId), canEdit);
    }

    private static Optional<Map<String, Object>> header(Board board, long columnId, List<Long> order, boolean canEdit) {
        return board.column(columnId).map(column -> Map.of(
                "column", CardColumn.header(column, order), "board", board, "canEdit", canEdit));
    }

    /** Whether a filtered page shows the card (an unfiltered one shows every card on the board). */
    private boolean shows(Board board, Task task, PageView view) {
        return !view.filtered() || filters.matches(board, CardFilter.parse(view.filter()), task);
    }

    /** Every column of the board with its cards, in order: the board page's body. */
    @Transactional(readOnly = true)
    public List<CardColumn> columns(Board board) {
        return columns(board, CardFilter.NONE);
    }

    /**
     * Every column of the board with the cards that match the filter, in order. Headers count every card, as the
     * pushed ones do: a column's limit is about all of its cards.
     */
    @Transactional(readOnly = true)
    public List<CardColumn> columns(Board board, CardFilter filter) {
        List<Task> all = tasks.onBoard(board.getId());
        List<Task> shown = filters.matching(board, filter, all);
        return board.getColumns().stream()
                .map(column -> CardColumn.of(column, in(column.getId(), all), in(column.getId(), shown)))
                .toList();
    }

    private static List<Task> in(long columnId, List<Task> cards) {
        return cards.stream().filter(task -> task.getColumnId() == columnId).toList();
    }

    /** What a card needs: the task, its board (columns for the move form), the board's labels, and the variant. */
    Map<String, Object> cardModel(Task task, Board board, boolean canEdit) {
        return Map.of("task", task, "board", board, "labels", labels.of(board.getId()), "canEdit", canEdit);
    }

    /** What the board's body needs: its columns of cards and what every card needs. */
    Map<String, Object> bodyModel(Board board, PageView view) {
        return Map.of("board", board, "columns", columns(board, CardFilter.parse(view.filter())),
                "labels", labels.of(board.getId()), "canEdit", view.canEdit());
    }
}
