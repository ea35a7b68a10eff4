/** Comments on tasks, their section of the task page and their live updates. */
@ApplicationModule(allowedDependencies = {"account", "board", "task", "realtime", "web"})
package io.boardcast.comment;

import org.springframework.modulith.ApplicationModule;
