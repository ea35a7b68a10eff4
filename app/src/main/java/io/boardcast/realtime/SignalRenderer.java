package io.boardcast.realtime;

import java.util.Set;

/**
 * How a module shows its own {@link Signals signals} to a board's open pages: the fragments to swap, rendered from the
 * current state (inside a read-only transaction) once per instance for every viewer of the board there.
 */
public interface SignalRenderer {

    /** The kinds of signal this renderer shows (each kind has exactly one renderer). */
    Set<String> kinds();

    /** Adds what the signal shows. Total: it must cope with a board or thing that is gone. */
    void render(long boardId, String kind, String payload, PushedFragments fragments);
}
