package io.boardcast.board;

import io.boardcast.realtime.ViewerAccess;
import io.boardcast.web.NotFoundException;
import io.boardcast.web.ReadOnlyException;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The one place that decides who may see and change a board, pages and event streams alike. */
@Component
public class BoardAccess implements ViewerAccess {

    private final MembershipRepository memberships;

    BoardAccess(MembershipRepository memberships) {
        this.memberships = memberships;
    }

    /** The user's membership, or not-found so that non-members can't tell the board exists. */
    @Transactional(readOnly = true)
    public Membership view(long boardId, String username) {
        return memberships.find(boardId, username).orElseThrow(NotFoundException::new);
    }

    @Transactional(readOnly = true)
    public Membership edit(long boardId, String username) {
        Membership membership = view(boardId, username);
        if (!membership.canEdit()) {
            throw new ReadOnlyException();
        }
        return membership;
    }

    @Transactional(readOnly = true)
    public Membership own(long boardId, String username) {
        Membership membership = view(boardId, username);
        if (!membership.isOwner()) {
            throw new ReadOnlyException();
        }
        return membership;
    }

    /** Another member of the board, looked up by username (for assignees). */
    @Transactional(readOnly = true)
    public Optional<Membership> memberNamed(long boardId, String username) {
        return memberships.find(boardId, username);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Boolean> canEdit(long boardId, String username) {
        return memberships.find(boardId, username).map(Membership::canEdit);
    }

    /** Everyone who may see the board right now. */
    @Override
    @Transactional(readOnly = true)
    public Set<String> members(long boardId) {
        return memberships.usernames(boardId);
    }

    /** Whether the account (by id) may see the board right now. */
    @Transactional(readOnly = true)
    public boolean isMember(long boardId, long accountId) {
        return memberships.existsByBoardIdAndAccountId(boardId, accountId);
    }
}
