package io.boardcast.board;

import io.boardcast.realtime.Activity;
import io.boardcast.realtime.BoardEvent;
import io.boardcast.realtime.EventRenderer;
import io.boardcast.realtime.PageView;
import io.boardcast.realtime.PushedFragments;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The board's own changes, for live viewers: its name wherever a page shows it. */
@Component
class BoardFragments implements EventRenderer {

    private final BoardRepository boards;

    BoardFragments(BoardRepository boards) {
        this.boards = boards;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(BoardRenamed.KIND);
    }

    @Override
    public Optional<Activity> describe(BoardEvent event) {
        return boards.findById(event.boardId()).map(board -> new Activity("renamed the board", null, "(now " + board.getName() + ")"));
    }

    @Override
    public void render(BoardEvent event, PageView view, PushedFragments fragments) {
        boards.findById(event.boardId()).ifPresent(board -> {
            fragments.add("board/fragments", "name", Map.of("board", board));
            fragments.announce(event.kind(), board.getName());
        });
    }
}
