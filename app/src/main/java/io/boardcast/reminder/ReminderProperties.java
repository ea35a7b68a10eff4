package io.boardcast.reminder;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param leadTime     how long before its due time a task counts as "due soon"
 * @param scanInterval how often each instance looks for reminders to fire
 */
@ConfigurationProperties("boardcast.reminders")
public record ReminderProperties(Duration leadTime, Duration scanInterval) {
}
