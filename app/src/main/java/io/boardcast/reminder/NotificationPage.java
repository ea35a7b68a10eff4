package io.boardcast.reminder;

import java.util.List;

/**
 * One page of a person's notifications, newest first: the newest {@link #SIZE}, or the newest older than a cursor.
 *
 * @param before the notification this page was read before, null for the newest page
 * @param older the cursor of the next older page, null when there is none
 */
public record NotificationPage(List<Notification> items, Long before, Long older) {

    public static final int SIZE = 50;
}
