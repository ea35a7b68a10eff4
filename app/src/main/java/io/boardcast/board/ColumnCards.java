package io.boardcast.board;

import java.util.Map;

/**
 * What the board module must know of the cards in its columns, answered by the module that owns cards (so the board
 * module never reads or writes the tasks table).
 */
public interface ColumnCards {

    /** How many cards (not archived) each column of the board holds; columns without cards are absent. */
    Map<Long, Integer> countsOn(long boardId);

    /**
     * Moves every card of column {@code from}, archived ones too, to the end of column {@code to}, keeping their
     * order; in the caller's transaction, which holds the board's lock.
     */
    void moveAll(long boardId, long from, long to);
}
