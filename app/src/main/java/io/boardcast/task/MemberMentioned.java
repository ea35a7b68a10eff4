package io.boardcast.task;

/**
 * Someone mentioned a member of the board in a task's description or in a comment on it, for the first time in that
 * text. Published inside the transaction that saved the text (which holds the board's lock), once per member: never
 * for the author, nor for names that are not members now.
 *
 * @param commentId the comment the mention is in, null for the task's description
 * @param excerpt   the start of the text, as typed (Markdown source: show it as text)
 */
public record MemberMentioned(long boardId, long taskId, Long commentId, String taskTitle, long actorId,
        String actorName, long mentionedId, String mentionedName, String excerpt) {
}
