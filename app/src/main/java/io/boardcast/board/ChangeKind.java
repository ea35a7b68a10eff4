package io.boardcast.board;

/** Every kind of committed change that live viewers are told about, in the board's event log. */
public enum ChangeKind {
    TASK_CREATED, TASK_EDITED, TASK_MOVED, TASK_DELETED, COMMENT_ADDED, REMINDER_DUE_SOON, REMINDER_OVERDUE,
    /** A member lost access: every instance ends their streams before delivering anything after it. */
    MEMBER_REMOVED
}
