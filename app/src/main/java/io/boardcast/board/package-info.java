/** Boards, their columns and memberships: who may see and change a board, and the board lock every write takes. */
@ApplicationModule(allowedDependencies = {"account", "realtime", "web"})
package io.boardcast.board;

import org.springframework.modulith.ApplicationModule;
