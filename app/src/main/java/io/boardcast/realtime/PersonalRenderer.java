package io.boardcast.realtime;

/**
 * How personal events look, from the templates of the module that writes notifications: a toast and the bell. Called
 * inside a read-only transaction, from the current state of the database, on whichever instance delivers.
 */
public interface PersonalRenderer {

    /**
     * The person's notification as a toast (nothing when it is gone or not theirs), and their bell with its unread
     * count as it is now.
     */
    void render(String username, long notificationId, PushedFragments fragments);

    /**
     * For a stream that opens or reconnects: the bell as it is now, and toasts for the person's newest notifications
     * after {@code afterId} (at most {@code max}, oldest first). Returns the newest notification id they have, or
     * {@code afterId} when none is newer.
     */
    long catchUp(String username, long afterId, int max, PushedFragments fragments);
}
