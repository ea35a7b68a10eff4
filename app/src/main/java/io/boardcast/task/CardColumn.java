package io.boardcast.task;

import io.boardcast.board.BoardColumn;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A column of the board page: its header (name, limit, whether it counts as done, its cards' order by id) and, when
 * rendered whole, its cards. A pushed header carries the order, which puts every card the page shows in place.
 */
public record CardColumn(long id, String name, Integer wipLimit, boolean done, List<Long> order, List<Task> tasks) {

    /** The column with every card in its order, of which {@code shown} are drawn (a filtered page's). */
    static CardColumn of(BoardColumn column, List<Task> all, List<Task> shown) {
        return new CardColumn(column.getId(), column.getName(), column.getWipLimit(), column.isDone(),
                all.stream().map(Task::getId).toList(), shown);
    }

    /** The header alone: what a card moving in or out of the column changes. */
    static CardColumn header(BoardColumn column, List<Long> order) {
        return new CardColumn(column.getId(), column.getName(), column.getWipLimit(), column.isDone(), order,
                List.of());
    }

    public int count() {
        return order.size();
    }

    public boolean overLimit() {
        return wipLimit != null && count() > wipLimit;
    }

    /** "3 / 5" with a limit, "3" without. */
    public String countText() {
        return wipLimit == null ? Integer.toString(count()) : count() + " / " + wipLimit;
    }

    public String orderText() {
        return order.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
}
