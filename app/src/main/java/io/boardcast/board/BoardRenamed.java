package io.boardcast.board;

import io.boardcast.realtime.BoardChange;

/** The board got a new name; {@link BoardFragments} shows it to everyone viewing the board. */
record BoardRenamed(long boardId) implements BoardChange {

    static final String KIND = "BOARD_RENAMED";

    @Override
    public String kind() {
        return KIND;
    }
}
