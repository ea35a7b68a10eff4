package io.boardcast.reminder;

import io.boardcast.board.ChangeKind;

enum ReminderKind {
    DUE_SOON("due_soon_fired_for", ChangeKind.REMINDER_DUE_SOON),
    OVERDUE("overdue_fired_for", ChangeKind.REMINDER_OVERDUE);

    /** The task column that records the due time this reminder last fired for. */
    final String marker;
    final ChangeKind change;

    ReminderKind(String marker, ChangeKind change) {
        this.marker = marker;
        this.change = change;
    }
}
