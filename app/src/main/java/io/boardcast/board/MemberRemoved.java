package io.boardcast.board;

import io.boardcast.realtime.BoardChange;

/**
 * A member lost access to the board: logged like any change, so every instance ends their streams at once. Published
 * in the removal's transaction, under the board's lock, for modules that hold something of the member's on the board.
 */
public record MemberRemoved(long boardId, String endsStreamsOf) implements BoardChange {

    @Override
    public String kind() {
        return "MEMBER_REMOVED";
    }

    /** Who was removed. */
    public String username() {
        return endsStreamsOf;
    }
}
