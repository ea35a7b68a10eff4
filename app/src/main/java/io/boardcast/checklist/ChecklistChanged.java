package io.boardcast.checklist;

import io.boardcast.realtime.BoardChange;

/**
 * A task's checklist changed: an item added, ticked or unticked, renamed, deleted or moved. One kind for every verb:
 * what a viewer is sent is the same for all of them (the list and the progress as they are now, and the card), so
 * the verb would only change the announcement. {@link ChecklistFragments} shows it to live viewers.
 */
record ChecklistChanged(long boardId, long taskId, long columnId) implements BoardChange {

    static final String KIND = "CHECKLIST_CHANGED";

    @Override
    public String kind() {
        return KIND;
    }
}
