package io.boardcast.board;

import io.boardcast.realtime.BoardChange;

/** A member lost access to the board: logged like any change, so every instance ends their streams at once. */
record MemberRemoved(long boardId, String endsStreamsOf) implements BoardChange {

    @Override
    public String kind() {
        return "MEMBER_REMOVED";
    }
}
