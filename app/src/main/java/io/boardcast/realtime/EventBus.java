package io.boardcast.realtime;

/**
 * Carries logged events from the instance that committed them to the feeds of every instance watching the board (itself
 * included); an instance without a feed of the board may not hear them at all.
 */
interface EventBus {

    void publish(BoardEvent event);

    /** A committed personal event, to every instance (at most once; see {@link PersonalChange}). */
    void publish(PersonalEvent event);

    /** A signal, to every instance watching its board (at most once; see {@link Signals}). */
    void publish(SignalEvent signal);
}
