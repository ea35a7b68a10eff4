package io.boardcast.comment;

import io.boardcast.realtime.BoardChange;

/** A comment was added to a task; {@link CommentFragments} shows it to live viewers. */
record CommentAdded(long boardId, long taskId, long columnId, Long commentId) implements BoardChange {

    static final String KIND = "COMMENT_ADDED";

    @Override
    public String kind() {
        return KIND;
    }
}
