package io.boardcast.board;

public enum Role {
    OWNER, EDITOR, VIEWER;

    public boolean canEdit() {
        return this != VIEWER;
    }
}
