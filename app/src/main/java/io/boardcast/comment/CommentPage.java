package io.boardcast.comment;

import java.util.List;

/**
 * One page of a task's comments, oldest first: the newest {@link #SIZE} of them, or the newest before a cursor.
 *
 * @param before the comment id this page was read before, null for the newest page
 * @param earlier the cursor of the page before this one, null when there are no earlier comments
 */
public record CommentPage(long boardId, long taskId, List<Comment> items, Long before, Long earlier) {

    public static final int SIZE = 50;
}
