package io.boardcast.task;

import io.boardcast.board.Board;
import io.boardcast.board.BoardColumn;
import io.boardcast.board.BoardService;
import io.boardcast.realtime.BoardEvent;
import io.boardcast.realtime.EventRenderer;
import io.boardcast.realtime.PushedFragments;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a task's changes look like to live viewers, from {@code task/fragments.html}: the same fragments the board page
 * and the htmx answers are made of. Modules whose changes show on a card (comments, reminders) push it through here.
 */
@Component
public class TaskFragments implements EventRenderer {

    private final TaskRepository tasks;
    private final BoardService boards;

    TaskFragments(TaskRepository tasks, BoardService boards) {
        this.tasks = tasks;
        this.boards = boards;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(TaskEvents.CREATED, TaskEvents.EDITED, TaskEvents.MOVED, TaskEvents.DELETED);
    }

    @Override
    public void render(BoardEvent event, boolean canEdit, PushedFragments fragments) {
        Optional<Task> task;
        if (event.kind().equals(TaskEvents.EDITED)) {
            task = card(event, canEdit, fragments);
            task.ifPresent(t -> summary(t, fragments));
        } else {
            // Created, moved or deleted: the columns it left and entered, whole, so counts and order follow.
            if (event.previousColumnId() != null) {
                column(event.boardId(), event.previousColumnId(), canEdit, fragments);
            }
            column(event.boardId(), event.columnId(), canEdit, fragments);
            task = tasks.findById(event.taskId());
        }
        fragments.announce(event.kind(), task.map(Task::getTitle).orElse(""));
    }

    /**
     * The event's card as it is now, or its whole column when the task is gone (so the card leaves). Returns the task
     * if it still exists, for callers that push more of it.
     */
    public Optional<Task> card(BoardEvent event, boolean canEdit, PushedFragments fragments) {
        Optional<Task> task = tasks.findById(event.taskId());
        Optional<Board> board = boards.find(event.boardId());
        if (task.isPresent() && board.isPresent()) {
            fragments.add("task/fragments", "card", Map.of("task", task.get(), "board", board.get(), "canEdit", canEdit));
        } else {
            column(event.boardId(), event.columnId(), canEdit, fragments);
        }
        return task;
    }

    /** The task page's summary of the task. */
    public void summary(Task task, PushedFragments fragments) {
        boards.find(task.getBoardId()).ifPresent(board ->
                fragments.add("task/fragments", "summary", Map.of("task", task, "board", board)));
    }

    private void column(long boardId, long columnId, boolean canEdit, PushedFragments fragments) {
        boards.find(boardId).flatMap(board -> board.column(columnId)).ifPresent(column ->
                fragments.add("task/fragments", "column", columnModel(column, canEdit)));
    }

    /** What the column fragment needs: the column with its cards, its board, and whether forms are shown. */
    @Transactional(readOnly = true)
    public Map<String, Object> columnModel(BoardColumn column, boolean canEdit) {
        List<Task> cards = tasks.findByColumnIdOrderByPositionAscIdAsc(column.getId());
        return Map.of("column", new CardColumn(column.getId(), column.getName(), cards), "board", column.getBoard(),
                "canEdit", canEdit);
    }

    /** Every column of the board with its cards, in order: the board page's body. */
    @Transactional(readOnly = true)
    public List<CardColumn> columns(Board board) {
        List<Task> cards = tasks.findByBoardIdOrderByPositionAscIdAsc(board.getId());
        return board.getColumns().stream()
                .map(column -> new CardColumn(column.getId(), column.getName(),
                        cards.stream().filter(task -> task.getColumnId() == column.getId()).toList()))
                .toList();
    }
}
