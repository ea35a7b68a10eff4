package io.boardcast.task;

import io.boardcast.board.BoardChange;
import io.boardcast.board.ChangeKind;

/** The past-tense events the task module publishes. */
final class TaskChanges {

    private TaskChanges() {
    }

    record TaskCreated(long boardId, long taskId, long columnId) implements BoardChange {
        public ChangeKind kind() {
            return ChangeKind.TASK_CREATED;
        }
    }

    record TaskEdited(long boardId, long taskId, long columnId) implements BoardChange {
        public ChangeKind kind() {
            return ChangeKind.TASK_EDITED;
        }
    }

    record TaskMoved(long boardId, long taskId, long columnId, Long previousColumnId) implements BoardChange {
        public ChangeKind kind() {
            return ChangeKind.TASK_MOVED;
        }
    }

    record TaskDeleted(long boardId, long taskId, long columnId) implements BoardChange {
        public ChangeKind kind() {
            return ChangeKind.TASK_DELETED;
        }
    }
}
