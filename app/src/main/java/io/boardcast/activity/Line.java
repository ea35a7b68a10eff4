package io.boardcast.activity;

import io.boardcast.realtime.Activity;
import io.boardcast.realtime.BoardEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One line of activity: "bob moved <em>Ship the beta</em> from To do to In progress, 2 min ago".
 *
 * @param actor    who did it; null for Boardcast itself (reminders)
 * @param linked   whether the task still exists, so its title can link to it
 * @param ago      when, in words, as of rendering
 */
record Line(long seq, long boardId, long taskId, String actor, Activity activity, boolean linked, Instant at,
        String ago) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    static Line of(BoardEvent event, Activity activity, boolean taskExists, Instant at, Instant now) {
        return new Line(event.seq(), event.boardId(), event.taskId(), event.actor(), activity,
                taskExists && event.taskId() != 0, at, ago(at, now));
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago", else the day (UTC). */
    static String ago(Instant at, Instant now) {
        Duration since = Duration.between(at, now);
        if (since.toMinutes() < 1) {
            return "just now";
        }
        if (since.toHours() < 1) {
            return since.toMinutes() + " min ago";
        }
        if (since.toDays() < 1) {
            return since.toHours() + " h ago";
        }
        if (since.toDays() < 30) {
            return since.toDays() == 1 ? "1 day ago" : since.toDays() + " days ago";
        }
        return "on " + DAY.format(at);
    }
}
