package io.boardcast.board;

import io.boardcast.account.Account;
import io.boardcast.account.AccountService;
import io.boardcast.web.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class BoardService {

    private final BoardRepository boards;
    private final MembershipRepository memberships;
    private final AccountService accounts;
    private final BoardAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BoardService(BoardRepository boards, MembershipRepository memberships, AccountService accounts,
            BoardAccess access, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.boards = boards;
        this.memberships = memberships;
        this.accounts = accounts;
        this.access = access;
        this.clock = clock;
    }

    /** A new board with the default columns; its creator owns it. */
    @Transactional
    public Board create(String name, String ownerUsername) {
        Board board = boards.save(new Board(name.strip(), clock.instant()));
        memberships.save(new Membership(board, accounts.require(ownerUsername), Role.OWNER));
        return board;
    }

    /**
     * Locks the board's row until the caller's transaction ends: every write to a board, in any module, takes this
     * lock first, so the board's changes are logged in commit order and no write reads what another is changing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Board lock(long boardId) {
        return boards.lockById(boardId).orElseThrow(NotFoundException::new);
    }

    /** Writes what the caller changed on its locked board now, so the change is logged after what it depends on. */
    void flush() {
        boards.flush();
    }

    /** The board with its columns, if it still exists. */
    @Transactional(readOnly = true)
    public Optional<Board> find(long boardId) {
        return boards.findById(boardId);
    }

    @Transactional(readOnly = true)
    public List<Membership> boardsOf(String username) {
        return memberships.findByUsername(username);
    }

    @Transactional(readOnly = true)
    public List<Membership> members(long boardId) {
        return memberships.findByBoard(boardId);
    }

    /** Renames the board (owners only); everyone viewing it sees the new name at once. */
    @Transactional
    public void rename(long boardId, String ownerUsername, String name) {
        access.own(boardId, ownerUsername);
        lock(boardId).rename(name.strip());
        boards.flush();
        events.publishEvent(new BoardRenamed(boardId));
    }

    public enum AddResult { ADDED, NO_SUCH_USER, ALREADY_MEMBER }

    @Transactional
    public AddResult addMember(long boardId, String ownerUsername, String username, Role role) {
        Board board = access.own(boardId, ownerUsername).getBoard();
        Optional<Account> account = accounts.find(username.strip());
        if (account.isEmpty()) {
            return AddResult.NO_SUCH_USER;
        }
        if (memberships.find(boardId, account.get().getUsername()).isPresent()) {
            return AddResult.ALREADY_MEMBER;
        }
        memberships.save(new Membership(board, account.get(), role));
        return AddResult.ADDED;
    }

    /** Removes a member; refuses to remove the last owner, who would leave the board unmanaged. */
    @Transactional
    public boolean removeMember(long boardId, String ownerUsername, long membershipId) {
        access.own(boardId, ownerUsername);
        lock(boardId);
        Membership membership = memberships.findById(membershipId)
                .filter(m -> m.getBoard().getId() == boardId)
                .orElseThrow(NotFoundException::new);
        if (membership.isOwner() && memberships.countByBoardIdAndRole(boardId, Role.OWNER) == 1) {
            return false;
        }
        memberships.delete(membership);
        events.publishEvent(new MemberRemoved(boardId, membership.getAccount().getUsername()));
        return true;
    }
}
