/** Checklists on tasks: their items, their section of the task page, the card's progress and their live updates. */
@ApplicationModule(allowedDependencies = {"board", "task", "realtime", "web"})
package io.boardcast.checklist;

import org.springframework.modulith.ApplicationModule;
