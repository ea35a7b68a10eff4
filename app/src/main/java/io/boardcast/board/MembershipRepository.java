package io.boardcast.board;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MembershipRepository extends JpaRepository<Membership, Long> {

    /**
     * With the account, the board and its columns, in one query: every request about a board starts here (and pages
     * render them after the transaction).
     */
    @Query("select m from Membership m join fetch m.account a join fetch m.board b left join fetch b.columns"
            + " where b.id = :boardId and a.username = :username")
    Optional<Membership> find(long boardId, String username);

    @Query("select m from Membership m join fetch m.account a join fetch m.board b where a.username = :username"
            + " order by b.name, b.id")
    List<Membership> findByUsername(String username);

    @Query("select m from Membership m join fetch m.account a where m.board.id = :boardId order by a.username")
    List<Membership> findByBoard(long boardId);

    long countByBoardIdAndRole(long boardId, Role role);

    boolean existsByBoardIdAndAccountId(long boardId, long accountId);

    @Query("select m.account.username from Membership m where m.board.id = :boardId")
    Set<String> usernames(long boardId);
}
