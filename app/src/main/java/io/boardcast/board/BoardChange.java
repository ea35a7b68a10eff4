package io.boardcast.board;

/**
 * A change to a board, published by the module that made it while its transaction is open. The realtime module logs
 * it with the board's next sequence number in the same transaction and pushes it to viewers after commit.
 */
public interface BoardChange {

    long boardId();

    ChangeKind kind();

    /** The task changed, or 0 when the change is not about a task. */
    long taskId();

    /** The column the task is in after the change (for a deletion: the one it was in); 0 for none. */
    long columnId();

    default Long previousColumnId() {
        return null;
    }

    default Long commentId() {
        return null;
    }

    /** The username the change is about, when it is about a member rather than a task. */
    default String subject() {
        return null;
    }
}
