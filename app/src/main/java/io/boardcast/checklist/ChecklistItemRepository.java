package io.boardcast.checklist;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChecklistItemRepository extends JpaRepository<ChecklistItem, Long> {

    Optional<ChecklistItem> findByIdAndTaskId(long id, long taskId);

    /** A task's items in their order (ties, which renumbering prevents, by id). */
    List<ChecklistItem> findByTaskIdOrderByPositionAscIdAsc(long taskId);
}
