package io.boardcast.reminder;

import io.boardcast.board.BoardChange;
import io.boardcast.board.ChangeKind;

/** A reminder claimed and fired: logged and pushed like any other change to the board. */
record ReminderFired(long boardId, long taskId, long columnId, ChangeKind kind) implements BoardChange {
}
