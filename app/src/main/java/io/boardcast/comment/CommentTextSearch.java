package io.boardcast.comment;

import io.boardcast.task.CommentSearch;
import io.boardcast.web.Like;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Looks in comments' text for filters and search, with {@code lower(body) like}: a trigram index on PostgreSQL. */
@Component
class CommentTextSearch implements CommentSearch {

    private final CommentRepository comments;

    CommentTextSearch(CommentRepository comments) {
        this.comments = comments;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> amongTasks(Collection<Long> taskIds, String text) {
        return taskIds.isEmpty() || text.isEmpty() ? Set.of()
                : new HashSet<>(comments.tasksAmong(taskIds, Like.containing(text)));
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> onBoards(Collection<Long> boardIds, String text) {
        return boardIds.isEmpty() || text.isEmpty() ? Set.of()
                : new HashSet<>(comments.tasksOnBoards(boardIds, Like.containing(text)));
    }
}
