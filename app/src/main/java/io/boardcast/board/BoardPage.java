package io.boardcast.board;

import io.boardcast.task.TaskForm;
import java.util.List;
import org.springframework.ui.Model;

/** What the board page needs; shared by the page itself and a create-task form that comes back with errors. */
public final class BoardPage {

    private BoardPage() {
    }

    public static void addTo(Model model, Membership membership, List<Membership> members, TaskForm form) {
        Board board = membership.getBoard();
        // Read the sequence before any content, so the page subscribes from a point no later than what it shows.
        model.addAttribute("lastEventSeq", board.getLastEventSeq());
        model.addAttribute("board", board);
        model.addAttribute("columns", board.getColumns());
        model.addAttribute("canEdit", membership.canEdit());
        model.addAttribute("members", members);
        model.addAttribute("form", form);
    }
}
