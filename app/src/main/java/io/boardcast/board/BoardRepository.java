package io.boardcast.board;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface BoardRepository extends JpaRepository<Board, Long> {

    /** Writes to one board are serialized by this row lock, so its event sequence follows commit order. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from Board b where b.id = :id")
    Optional<Board> lockById(long id);
}
