package io.boardcast.comment;

import io.boardcast.board.BoardChange;
import io.boardcast.board.ChangeKind;

public record CommentAdded(long boardId, long taskId, long columnId, Long commentId) implements BoardChange {

    @Override
    public ChangeKind kind() {
        return ChangeKind.COMMENT_ADDED;
    }
}
