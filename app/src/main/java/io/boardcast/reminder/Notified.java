package io.boardcast.reminder;

import io.boardcast.realtime.PersonalChange;

/** A notification was written for someone: after commit, their open pages show it (see NotificationFragments). */
record Notified(String username, long notificationId) implements PersonalChange {
}
