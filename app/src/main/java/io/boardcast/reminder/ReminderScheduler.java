package io.boardcast.reminder;

import io.boardcast.task.TaskDeadlines.Due;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Runs on every instance; the claim in {@link Reminders#fire} makes sure each reminder fires once. */
@Component
class ReminderScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);

    private final Reminders reminders;
    private final ReminderProperties properties;

    ReminderScheduler(Reminders reminders, ReminderProperties properties) {
        this.reminders = reminders;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::scan, properties.scanInterval());
    }

    /** Returns how many reminders this instance fired. */
    int scan() {
        int fired = 0;
        try {
            for (Due due : reminders.due()) {
                if (reminders.fire(due)) {
                    fired++;
                }
            }
        } catch (DataAccessException databaseAway) {
            // Nothing was claimed that didn't commit; the next scan tries again.
            log.warn("Reminder scan stopped: {}", databaseAway.getMostSpecificCause().toString());
        }
        return fired;
    }
}
