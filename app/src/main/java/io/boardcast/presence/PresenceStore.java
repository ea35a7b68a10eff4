package io.boardcast.presence;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every board's entries, one per open stream, each with an expiry: shared by all instances (Redis) or this one's own
 * (memory). No instance owns an entry: the one holding its stream keeps it alive by {@link #refresh}ing it, and
 * anyone may read, change or remove it. The answers say whether something changed, so that only a change is signalled.
 */
interface PresenceStore {

    /** Adds (or replaces) an entry, alive until {@code expiresAt} (epoch millis). */
    void join(long boardId, Viewer viewer, long expiresAt);

    /** Removes the stream's entry; true if there was one. */
    boolean leave(long boardId, String id);

    /** Removes the entries of the named page of {@code username}'s (a closed tab); true if there were any. */
    boolean leavePage(long boardId, String page, String username);

    /** Sets whether the named page of {@code username}'s is editing; true if an entry changed. */
    boolean editing(long boardId, String page, String username, boolean editing);

    /** Extends the entries of these streams (by board) that still exist to {@code expiresAt}; never adds one. */
    void refresh(Map<Long, ? extends Collection<String>> idsByBoard, long expiresAt);

    /** The board's entries alive at {@code now}; expired ones are dropped. */
    List<Viewer> viewers(long boardId, long now);
}
