/** Tasks on a board: the board page of cards, the task page, writes split by verb, deadlines. */
@ApplicationModule(allowedDependencies = {"account", "board", "realtime", "web"})
package io.boardcast.task;

import org.springframework.modulith.ApplicationModule;
