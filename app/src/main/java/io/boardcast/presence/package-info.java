/**
 * Who is looking at a board now, across instances: each open board stream is an entry (who, which page, on a task
 * page which task and whether they are editing it) in a {@link io.boardcast.presence.PresenceStore} shared by every
 * instance under the {@code redis} profile (entries expire unless the instance holding the stream refreshes them),
 * in memory without it. Every change of a board's presence sends a {@code PRESENCE} signal; each instance renders the
 * board's presence as it is now for its streams of the board.
 */
@ApplicationModule(allowedDependencies = {"realtime", "task", "web"})
package io.boardcast.presence;

import org.springframework.modulith.ApplicationModule;
