package io.boardcast.comment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CommentRepository extends JpaRepository<Comment, Long> {

    @EntityGraph(attributePaths = "author")
    Optional<Comment> findByIdAndTaskId(long id, long taskId);

    @EntityGraph(attributePaths = "author")
    List<Comment> findByTaskIdOrderByIdDesc(long taskId, Limit limit);

    @EntityGraph(attributePaths = "author")
    List<Comment> findByTaskIdAndIdLessThanOrderByIdDesc(long taskId, long before, Limit limit);

    /** Of these tasks, those with a comment matching the pattern (see {@code web.Like}). */
    @Query("select distinct c.taskId from Comment c where c.taskId in :taskIds"
            + " and lower(c.body) like :pattern escape '\\'")
    List<Long> tasksAmong(Collection<Long> taskIds, String pattern);

    /** Tasks on these boards with a comment matching the pattern. */
    @Query("select distinct c.taskId from Comment c, Task t where t.id = c.taskId and t.boardId in :boardIds"
            + " and lower(c.body) like :pattern escape '\\'")
    List<Long> tasksOnBoards(Collection<Long> boardIds, String pattern);
}
