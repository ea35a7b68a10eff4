package io.boardcast.realtime;

/**
 * A change to a board, published by the module that made it while its transaction is open (the module holds the
 * board's row lock). The event log records it with the board's next sequence number in that transaction and pushes
 * it to viewers after commit. Each module names its own kinds and renders them with an {@link EventRenderer}.
 */
public interface BoardChange {

    long boardId();

    /** The module's name for this kind of change, e.g. {@code TASK_MOVED}: letters, digits and underscores. */
    String kind();

    /** The task changed, or 0 when the change is not about a task. */
    default long taskId() {
        return 0;
    }

    /** The column the task is in after the change (for a deletion: the one it was in); 0 for none. */
    default long columnId() {
        return 0;
    }

    default Long previousColumnId() {
        return null;
    }

    default Long commentId() {
        return null;
    }

    /**
     * The task's title as the log should keep it; null (most) to let the log read it from the task as it is at this
     * point. A change that removes the task says it, since the task can't.
     */
    default String title() {
        return null;
    }

    /** Someone who lost access with this change: every instance ends their streams before delivering anything later. */
    default String endsStreamsOf() {
        return null;
    }
}
