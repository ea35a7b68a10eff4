package io.boardcast.realtime;

/**
 * Told when a board stream opens and closes on this instance (presence). Called on the opening request's thread and
 * on whatever thread notices the end (the sender, the container): keep it quick, never wait for I/O. For each
 * stream, {@link #opened} comes before {@link #closed}, and {@code closed} comes once; a stream that never got to
 * join its board (refused, told to resync, opened during shutdown) is announced neither way.
 */
public interface StreamListener {

    void opened(OpenStream stream);

    void closed(OpenStream stream);
}
