package io.boardcast.realtime;

import java.util.Optional;
import java.util.Set;

/**
 * How a module shows its own kinds of change to live viewers: the fragments an event changed, from the module's own
 * templates. The real-time module carries events by sequence and knows no kind by name; it asks the renderer that
 * declared the kind.
 */
public interface EventRenderer {

    /** The kinds of change this renderer shows (each kind has exactly one renderer). */
    Set<String> kinds();

    /**
     * Adds what {@code event} changed, rendered from the current state of the database (inside a read-only
     * transaction), so a replayed or repeated event shows the same. Total: it must cope with whatever happened to
     * the event's task since (deleted, moved, renamed) and throw only when the database can't be read.
     *
     * @param view what the page shows: forms or not, and its filter (a card outside it must not show)
     */
    void render(BoardEvent event, PageView view, PushedFragments fragments);

    /**
     * The event in words for the activity view and a task's history, from the event and the current state (say, a
     * column's name); empty for a change not worth a line. Total, like {@link #render}.
     */
    default Optional<Activity> describe(BoardEvent event) {
        return Optional.empty();
    }
}
