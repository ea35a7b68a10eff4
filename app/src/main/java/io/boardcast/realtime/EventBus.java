package io.boardcast.realtime;

/** Carries logged events from the instance that committed them to every instance's feeds (itself included). */
interface EventBus {

    void publish(BoardEvent event);

    /** A committed personal event, to every instance (at most once; see {@link PersonalChange}). */
    void publish(PersonalEvent event);

    /** A signal, to every instance (at most once; see {@link Signals}). */
    void publish(SignalEvent signal);
}
