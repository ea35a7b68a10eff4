package io.boardcast.task;

import io.boardcast.board.Board;
import io.boardcast.board.BoardColumn;
import io.boardcast.board.BoardService;
import io.boardcast.board.ColumnEvents;
import io.boardcast.board.Labels;
import io.boardcast.realtime.Activity;
import io.boardcast.realtime.BoardEvent;
import io.boardcast.realtime.EventRenderer;
import io.boardcast.realtime.PageView;
import io.boardcast.realtime.PushedFragments;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Column and label changes (the board module's kinds) for live viewers of the board page, which this module draws: the whole
 * body of columns, since a column's name, place or "done" flag shows in every card's move form. They are rare;
 * card moves, which are not, push far less (see {@link TaskFragments}).
 */
@Component
class BoardBodyFragments implements EventRenderer {

    private final BoardService boards;
    private final TaskFragments taskFragments;

    BoardBodyFragments(BoardService boards, TaskFragments taskFragments) {
        this.boards = boards;
        this.taskFragments = taskFragments;
    }

    @Override
    public Set<String> kinds() {
        Set<String> kinds = new HashSet<>(ColumnEvents.KINDS);
        kinds.addAll(Labels.KINDS);
        return kinds;
    }

    @Override
    public void render(BoardEvent event, PageView view, PushedFragments fragments) {
        boards.find(event.boardId()).ifPresent(board -> {
            fragments.add("task/fragments", "columns", taskFragments.bodyModel(board, view));
            fragments.add("task/fragments", "column-choice", Map.of("board", board));
            fragments.announce(event.kind(), columnName(board, event.columnId()));
        });
    }

    @Override
    public Optional<Activity> describe(BoardEvent event) {
        String what = ColumnEvents.KINDS.contains(event.kind()) ? "changed the columns" : "changed the labels";
        return boards.find(event.boardId()).map(board -> {
            String column = columnName(board, event.columnId());
            return new Activity(what, null, column.isEmpty() ? "" : "(" + column + ")");
        });
    }

    private static String columnName(Board board, long columnId) {
        return board.column(columnId).map(BoardColumn::getName).orElse("");
    }
}
