package io.boardcast.task;

import java.util.List;

/** A column of the board page with its cards, in order. */
public record CardColumn(long id, String name, List<Task> tasks) {
}
