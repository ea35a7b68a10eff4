/**
 * CSV import and export of a board's cards. An import is a background job whose state lives in the database
 * ({@code import_jobs}): any instance shows it, cancels it, or marks it failed when the instance running it stops.
 * Each good row is created through {@code TaskService.create} in its own transaction, so its card reaches every viewer
 * by the ordinary log-and-push path; the importer's progress travels as a {@link io.boardcast.realtime.Signals signal}.
 */
@ApplicationModule(allowedDependencies = {"account", "board", "task", "realtime", "web"})
package io.boardcast.importer;

import org.springframework.modulith.ApplicationModule;
