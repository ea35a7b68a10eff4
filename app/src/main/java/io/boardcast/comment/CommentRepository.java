package io.boardcast.comment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface CommentRepository extends JpaRepository<Comment, Long> {

    @EntityGraph(attributePaths = "author")
    Optional<Comment> findByIdAndTaskId(long id, long taskId);

    @EntityGraph(attributePaths = "author")
    List<Comment> findByTaskIdOrderByIdDesc(long taskId, Limit limit);

    @EntityGraph(attributePaths = "author")
    List<Comment> findByTaskIdAndIdLessThanOrderByIdDesc(long taskId, long before, Limit limit);
}
