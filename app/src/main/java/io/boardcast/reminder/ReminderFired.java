package io.boardcast.reminder;

import io.boardcast.realtime.BoardChange;
import io.boardcast.task.TaskDeadlines.Reminder;

/** A reminder claimed and fired: logged and pushed like any other change to the board (see ReminderFragments). */
record ReminderFired(long boardId, long taskId, long columnId, String kind) implements BoardChange {

    static final String DUE_SOON = "REMINDER_DUE_SOON";
    static final String OVERDUE = "REMINDER_OVERDUE";

    static String kindOf(Reminder reminder) {
        return reminder == Reminder.OVERDUE ? OVERDUE : DUE_SOON;
    }
}
