package io.boardcast.task;

import io.boardcast.board.Board;
import io.boardcast.board.BoardAccess;
import io.boardcast.board.BoardService;
import io.boardcast.board.Labels;
import io.boardcast.board.Membership;
import io.boardcast.realtime.EventLog;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The board page: its columns of cards. Also fills the model for task forms that come back with errors. */
@Controller
class BoardPage {

    private final BoardAccess access;
    private final BoardService boards;
    private final TaskFragments fragments;
    private final EventLog log;
    private final Labels labels;

    BoardPage(BoardAccess access, BoardService boards, TaskFragments fragments, EventLog log, Labels labels) {
        this.labels = labels;
        this.access = access;
        this.boards = boards;
        this.fragments = fragments;
        this.log = log;
    }

    @GetMapping("/boards/{boardId}")
    String show(@PathVariable long boardId, Principal principal, Model model) {
        addTo(model, access.view(boardId, principal.getName()), TaskForm.empty());
        return "task/board";
    }

    void addTo(Model model, Membership membership, TaskForm form) {
        Board board = membership.getBoard();
        // Read the sequence before any content, so the page subscribes from a point no later than what it shows.
        model.addAttribute("lastEventSeq", log.lastSeq(board.getId()));
        model.addAttribute("board", board);
        model.addAttribute("columns", fragments.columns(board));
        model.addAttribute("labels", labels.of(board.getId()));
        model.addAttribute("canEdit", membership.canEdit());
        model.addAttribute("members", boards.members(board.getId()));
        model.addAttribute("form", form);
    }
}
