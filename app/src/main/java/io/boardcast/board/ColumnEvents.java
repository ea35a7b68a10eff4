package io.boardcast.board;

import io.boardcast.realtime.BoardChange;
import java.util.Set;

/**
 * Changes to a board's columns. They are rendered by the module that draws the board page (the task module's board
 * of cards), which is why the kinds are public.
 */
public final class ColumnEvents {

    public static final String ADDED = "COLUMN_ADDED";
    public static final String RENAMED = "COLUMN_RENAMED";
    public static final String LIMIT_CHANGED = "COLUMN_LIMIT_CHANGED";
    public static final String DONE_CHANGED = "COLUMN_DONE_CHANGED";
    public static final String MOVED = "COLUMN_MOVED";
    public static final String DELETED = "COLUMN_DELETED";

    public static final Set<String> KINDS = Set.of(ADDED, RENAMED, LIMIT_CHANGED, DONE_CHANGED, MOVED, DELETED);

    private ColumnEvents() {
    }

    /**
     * One change to one column; {@code previousColumnId} is where a deleted column's tasks went.
     */
    record ColumnChanged(long boardId, String kind, long columnId, Long previousColumnId) implements BoardChange {
    }
}
