/**
 * Who did what on a board and when: the board's activity page (live, newest first) and each task's history, read from
 * the event log, which records the person behind every change. Each kind of change is put in words by the module that
 * owns it ({@link io.boardcast.realtime.EventRenderer#describe}).
 */
@ApplicationModule(allowedDependencies = {"board", "task", "realtime", "web"})
package io.boardcast.activity;

import org.springframework.modulith.ApplicationModule;
