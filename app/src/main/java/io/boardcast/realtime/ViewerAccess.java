package io.boardcast.realtime;

import java.util.Optional;
import java.util.Set;

/** Who may watch a board's stream; the module that owns memberships answers. */
public interface ViewerAccess {

    /** Whether the user may edit the board; empty when they are not a member (and so see nothing of it). */
    Optional<Boolean> canEdit(long boardId, String username);

    /** Everyone who may watch the board right now. */
    Set<String> members(long boardId);
}
