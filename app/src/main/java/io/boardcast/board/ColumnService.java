package io.boardcast.board;

import io.boardcast.board.ColumnEvents.ColumnChanged;
import io.boardcast.web.NotFoundException;
import io.boardcast.web.RefusedChange;
import io.boardcast.web.StaleFormException;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes to a board's columns, split by verb. Each checks the member may edit, locks the board, then reads, so
 * column changes and card moves on one board happen one at a time, in the order they are logged.
 */
@Service
class ColumnService {

    private final BoardService boards;
    private final BoardAccess access;
    private final ColumnCards cards;
    private final ApplicationEventPublisher events;

    ColumnService(BoardService boards, BoardAccess access, ColumnCards cards, ApplicationEventPublisher events) {
        this.boards = boards;
        this.access = access;
        this.cards = cards;
        this.events = events;
    }

    @Transactional
    public BoardColumn add(long boardId, String username, ColumnForm form) {
        access.edit(boardId, username);
        Board board = boards.lock(boardId);
        BoardColumn column = board.addColumn(form.getName().strip(), form.getWipLimit());
        boards.flush();
        publish(boardId, ColumnEvents.ADDED, column.getId(), null);
        return column;
    }

    /** Renames the column, sets its limit, and (when the form says) whether it counts as done. */
    @Transactional
    public void edit(long boardId, long columnId, String username, ColumnForm form) {
        access.edit(boardId, username);
        BoardColumn column = column(boards.lock(boardId), columnId);
        if (form.getVersion() == null || form.getVersion() != column.getVersion()) {
            throw new StaleFormException();
        }
        String name = form.getName().strip();
        if (!name.equals(column.getName())) {
            column.rename(name);
            publish(boardId, ColumnEvents.RENAMED, columnId, null);
        }
        if (!Objects.equals(form.getWipLimit(), column.getWipLimit())) {
            column.limit(form.getWipLimit());
            publish(boardId, ColumnEvents.LIMIT_CHANGED, columnId, null);
        }
        if (form.getDone() != null && form.getDone() != column.isDone()) {
            column.markDone(form.getDone());
            publish(boardId, ColumnEvents.DONE_CHANGED, columnId, null);
        }
        boards.flush();
    }

    /** Puts the column at a 0-based position, clamped to the board's columns. */
    @Transactional
    public void move(long boardId, long columnId, String username, int position) {
        access.edit(boardId, username);
        Board board = boards.lock(boardId);
        if (board.moveColumn(column(board, columnId), position)) {
            boards.flush();
            publish(boardId, ColumnEvents.MOVED, columnId, null);
        }
    }

    /**
     * Deletes the column. Its cards (archived ones too) go to {@code moveTasksTo}; a column with cards on the board
     * and nowhere named for them is refused, as is the board's last column.
     */
    @Transactional
    public void delete(long boardId, long columnId, String username, Long moveTasksTo) {
        access.edit(boardId, username);
        Board board = boards.lock(boardId);
        BoardColumn column = column(board, columnId);
        if (board.getColumns().size() == 1) {
            throw new RefusedChange("A board keeps at least one column: add another before deleting this one.");
        }
        BoardColumn target;
        if (moveTasksTo == null) {
            if (cards.countsOn(boardId).getOrDefault(columnId, 0) > 0) {
                throw new RefusedChange("\u201c" + column.getName() + "\u201d still has tasks: choose a column to move"
                        + " them to, or move them first.");
            }
            // Archived cards still need a column to be restored to: the first one that stays.
            target = board.getColumns().stream().filter(c -> c != column).findFirst().orElseThrow();
        } else {
            target = board.column(moveTasksTo).filter(c -> c != column)
                    .orElseThrow(() -> new RefusedChange("Choose another column of this board for its tasks."));
        }
        cards.moveAll(boardId, columnId, target.getId());
        board.removeColumn(column);
        boards.flush();
        publish(boardId, ColumnEvents.DELETED, columnId, target.getId());
    }

    private void publish(long boardId, String kind, long columnId, Long tasksMovedTo) {
        events.publishEvent(new ColumnChanged(boardId, kind, columnId, tasksMovedTo));
    }

    private static BoardColumn column(Board board, long columnId) {
        return board.column(columnId).orElseThrow(NotFoundException::new);
    }
}
