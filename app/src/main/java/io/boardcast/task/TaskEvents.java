package io.boardcast.task;

import io.boardcast.realtime.BoardChange;

/** The past-tense events the task module publishes; {@link TaskFragments} shows them to live viewers. */
final class TaskEvents {

    static final String CREATED = "TASK_CREATED";
    static final String EDITED = "TASK_EDITED";
    static final String MOVED = "TASK_MOVED";
    static final String DELETED = "TASK_DELETED";
    static final String REORDERED = "TASK_REORDERED";
    static final String ARCHIVED = "TASK_ARCHIVED";
    static final String RESTORED = "TASK_RESTORED";

    private TaskEvents() {
    }

    record TaskCreated(long boardId, long taskId, long columnId) implements BoardChange {
        public String kind() {
            return CREATED;
        }
    }

    record TaskEdited(long boardId, long taskId, long columnId) implements BoardChange {
        public String kind() {
            return EDITED;
        }
    }

    /** Carries the title, which the mover has in hand: the log needn't read it back (a move is the hottest write). */
    record TaskMoved(long boardId, long taskId, long columnId, Long previousColumnId, String title) implements BoardChange {
        public String kind() {
            return MOVED;
        }
    }

    /** Carries the title: the log can't read it from a task that is gone. */
    record TaskDeleted(long boardId, long taskId, long columnId, String title) implements BoardChange {
        public String kind() {
            return DELETED;
        }
    }

    /** A card moved within its column; with its title, like {@link TaskMoved}. */
    record TaskReordered(long boardId, long taskId, long columnId, String title) implements BoardChange {
        public String kind() {
            return REORDERED;
        }
    }

    record TaskArchived(long boardId, long taskId, long columnId) implements BoardChange {
        public String kind() {
            return ARCHIVED;
        }
    }

    record TaskRestored(long boardId, long taskId, long columnId) implements BoardChange {
        public String kind() {
            return RESTORED;
        }
    }
}
