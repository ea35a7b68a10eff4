package io.boardcast.task;

import io.boardcast.board.BoardAccess;
import io.boardcast.board.Membership;
import io.boardcast.realtime.EventLog;
import io.boardcast.realtime.PageView;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The board's archive: tasks taken off the board, latest first, each with a way back for editors; live. */
@Controller
class ArchivePage {

    private final BoardAccess access;
    private final TaskRepository tasks;
    private final EventLog log;

    ArchivePage(BoardAccess access, TaskRepository tasks, EventLog log) {
        this.access = access;
        this.tasks = tasks;
        this.log = log;
    }

    @GetMapping("/boards/{boardId}/archive")
    String show(@PathVariable long boardId, Principal principal, Model model) {
        Membership membership = access.view(boardId, principal.getName());
        // Read before the list, so the stream starts no later than what the page shows.
        model.addAttribute("lastEventSeq", log.lastSeq(boardId));
        model.addAttribute("view", PageView.archive(membership.canEdit()));
        model.addAttribute("board", membership.getBoard());
        model.addAttribute("canEdit", membership.canEdit());
        model.addAttribute("tasks", tasks.archivedOn(boardId));
        return "task/archive";
    }
}
