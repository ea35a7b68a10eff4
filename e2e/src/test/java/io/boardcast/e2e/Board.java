package io.boardcast.e2e;

import java.util.Map;

/** A board made for one test, with its column ids by name ("To do", "In progress", "Done"). */
record Board(long id, Map<String, Long> columns) {

    String path() {
        return "/boards/" + id;
    }

    String taskPath(long taskId) {
        return path() + "/tasks/" + taskId;
    }

    String eventsPath() {
        return path() + "/events";
    }

    long column(String name) {
        Long columnId = columns.get(name);
        if (columnId == null) {
            throw new IllegalArgumentException("Board " + id + " has no column " + name + ": " + columns);
        }
        return columnId;
    }
}
