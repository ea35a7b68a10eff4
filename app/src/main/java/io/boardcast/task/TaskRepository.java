package io.boardcast.task;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TaskRepository extends JpaRepository<Task, Long> {

    @Query("select t from Task t where t.id = :taskId and t.board.id = :boardId")
    Optional<Task> findOnBoard(long boardId, long taskId);

    @Query("select coalesce(max(t.position), -1) + 1 from Task t where t.column.id = :columnId")
    int nextPosition(long columnId);
}
