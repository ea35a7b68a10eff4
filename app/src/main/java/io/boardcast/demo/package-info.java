/** Demo users and a board for a fresh clone (off in tests and in production). */
@ApplicationModule(allowedDependencies = {"account", "board", "task"})
package io.boardcast.demo;

import org.springframework.modulith.ApplicationModule;
