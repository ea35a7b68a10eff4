/** Deadline reminders fired once across instances, and the notifications they leave. */
@ApplicationModule(allowedDependencies = {"board", "task", "realtime", "web"})
package io.boardcast.reminder;

import org.springframework.modulith.ApplicationModule;
