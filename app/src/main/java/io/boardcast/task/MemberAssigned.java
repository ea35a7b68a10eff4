package io.boardcast.task;

/**
 * A member was made an assignee of a task by someone else (on creation or an edit), once per time they are added.
 * Published inside the transaction that saved the task (which holds the board's lock).
 */
public record MemberAssigned(long boardId, long taskId, String taskTitle, long actorId, String actorName,
        long assigneeId, String assigneeName) {
}
