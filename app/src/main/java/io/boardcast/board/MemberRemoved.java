package io.boardcast.board;

/** A member lost access to the board: logged like any change, so every instance ends their streams at once. */
record MemberRemoved(long boardId, String subject) implements BoardChange {

    @Override
    public ChangeKind kind() {
        return ChangeKind.MEMBER_REMOVED;
    }

    @Override
    public long taskId() {
        return 0;
    }

    @Override
    public long columnId() {
        return 0;
    }
}
