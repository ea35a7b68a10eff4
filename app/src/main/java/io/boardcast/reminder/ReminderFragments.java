package io.boardcast.reminder;

import io.boardcast.realtime.Activity;
import io.boardcast.realtime.BoardEvent;
import io.boardcast.realtime.EventRenderer;
import io.boardcast.realtime.PageView;
import io.boardcast.realtime.PushedFragments;
import io.boardcast.task.TaskFragments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A fired reminder, for live viewers: the card and summary with their badge, and a toast everyone sees. */
@Component
class ReminderFragments implements EventRenderer {

    private final TaskFragments taskFragments;
    private final Clock clock;

    ReminderFragments(TaskFragments taskFragments, Clock clock) {
        this.taskFragments = taskFragments;
        this.clock = clock;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(ReminderFired.DUE_SOON, ReminderFired.OVERDUE);
    }

    /** Boardcast itself sends reminders: the line reads "reminded everyone that X is due soon". */
    @Override
    public Optional<Activity> describe(BoardEvent event) {
        return Optional.of(new Activity("reminded everyone that", event.title(),
                ReminderFired.DUE_SOON.equals(event.kind()) ? "is due soon" : "is overdue"));
    }

    @Override
    public void render(BoardEvent event, PageView view, PushedFragments fragments) {
        taskFragments.card(event, view, fragments).ifPresent(task -> {
            taskFragments.summary(task, fragments);
            if (task.getDueAt() != null) {
                // No toast once the due date is gone: there is nothing left to remind of.
                fragments.add("reminder/fragments", "toast", Map.of("overdue", event.kind().equals(ReminderFired.OVERDUE),
                        "title", task.getTitle(), "dueIn", dueIn(task.getDueAt(), clock), "taskId", task.getId()));
            }
            fragments.announce(event.kind(), task.getTitle());
        });
    }

    /** "in 2 h", "in 40 min": when the task is due, from now. */
    static String dueIn(Instant dueAt, Clock clock) {
        Duration left = Duration.between(clock.instant(), dueAt);
        if (left.isNegative()) {
            return "now";
        }
        return left.toHours() >= 1 ? "in " + Math.round(left.toMinutes() / 60.0) + " h"
                : "in " + Math.max(1, left.toMinutes()) + " min";
    }
}
