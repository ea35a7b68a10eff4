package io.boardcast.realtime;

/**
 * Something for one person (a notification written for them), published by the module that wrote it while its
 * transaction is open. After that transaction commits, it goes to every instance, and each delivers it to that
 * person's streams there, rendered by the {@link PersonalRenderer}. Unlike a {@link BoardChange} it is not logged:
 * the bus carries it at most once, and what a lost one would have shown comes with the person's next one or when a
 * personal stream reconnects.
 */
public interface PersonalChange {

    /** Whose streams it goes to. */
    String username();

    /** The notification: it orders a person's personal events, and a reconnecting stream resumes after it. */
    long notificationId();
}
