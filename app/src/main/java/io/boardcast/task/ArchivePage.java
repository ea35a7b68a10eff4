package io.boardcast.task;

import io.boardcast.board.BoardAccess;
import io.boardcast.board.Membership;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The board's archive: tasks taken off the board, latest first, each with a way back for editors. */
@Controller
class ArchivePage {

    private final BoardAccess access;
    private final TaskRepository tasks;

    ArchivePage(BoardAccess access, TaskRepository tasks) {
        this.access = access;
        this.tasks = tasks;
    }

    @GetMapping("/boards/{boardId}/archive")
    String show(@PathVariable long boardId, Principal principal, Model model) {
        Membership membership = access.view(boardId, principal.getName());
        model.addAttribute("board", membership.getBoard());
        model.addAttribute("canEdit", membership.canEdit());
        model.addAttribute("tasks", tasks.archivedOn(boardId));
        return "task/archive";
    }
}
