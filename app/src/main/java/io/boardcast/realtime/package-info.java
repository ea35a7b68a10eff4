/**
 * How a committed change reaches every screen: the event log, the bus between instances, each instance's
 * EmitterRegistry with one BoardFeed per watched board and one ClientStream per browser. Knows no kind of change by
 * name: modules publish {@link io.boardcast.realtime.BoardChange}s and render them with an
 * {@link io.boardcast.realtime.EventRenderer}.
 */
@ApplicationModule(allowedDependencies = "web")
package io.boardcast.realtime;

import org.springframework.modulith.ApplicationModule;
