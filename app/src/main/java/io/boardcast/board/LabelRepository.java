package io.boardcast.board;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LabelRepository extends JpaRepository<Label, Long> {

    List<Label> findByBoardIdOrderByNameAscIdAsc(long boardId);

    Optional<Label> findByIdAndBoardId(long id, long boardId);

    boolean existsByBoardIdAndNameIgnoreCaseAndIdNot(long boardId, String name, long id);
}
