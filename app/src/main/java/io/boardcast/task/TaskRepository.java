package io.boardcast.task;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TaskRepository extends JpaRepository<Task, Long> {

    @EntityGraph(attributePaths = "assignee")
    @Query("select t from Task t where t.id = :taskId and t.boardId = :boardId")
    Optional<Task> findOnBoard(long boardId, long taskId);

    @Query("select coalesce(max(t.position), -1) + 1 from Task t where t.columnId = :columnId")
    int nextPosition(long columnId);

    /** A board's cards, in their order within each column. */
    @EntityGraph(attributePaths = "assignee")
    List<Task> findByBoardIdOrderByPositionAscIdAsc(long boardId);

    @EntityGraph(attributePaths = "assignee")
    List<Task> findByColumnIdOrderByPositionAscIdAsc(long columnId);
}
