package io.boardcast.task;

import io.boardcast.board.BoardAccess;
import io.boardcast.board.Membership;
import io.boardcast.task.TaskService.UndoRefused;
import io.boardcast.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.FragmentsRendering;

/**
 * {@code POST /boards/{boardId}/undo/{undoId}}: undoes one's own move, edit, archive or deletion within its ten
 * seconds, unless someone changed the task since (409, explained). With htmx the toast that offered it says how it
 * went; without, the page it came from (or the board) says so.
 */
@Controller
class UndoController {

    private final TaskService tasks;
    private final BoardAccess access;
    private final BoardPage boardPage;

    UndoController(TaskService tasks, BoardAccess access, BoardPage boardPage) {
        this.tasks = tasks;
        this.access = access;
        this.boardPage = boardPage;
    }

    @PostMapping("/boards/{boardId}/undo/{undoId}")
    ModelAndView undo(@PathVariable long boardId, @PathVariable long undoId,
            @RequestParam(required = false) String back, Principal principal, HttpServletRequest request,
            RedirectAttributes redirect, Model model) {
        access.edit(boardId, principal.getName());
        String message;
        HttpStatus status;
        try {
            TaskService.Changed undone = tasks.undo(boardId, undoId, principal.getName());
            message = "Undone: \u201c" + undone.task().getTitle() + "\u201d is as it was.";
            status = HttpStatus.OK;
        } catch (UndoRefused | RejectedInput refused) {
            message = refused.getMessage();
            status = HttpStatus.CONFLICT;
        }
        if (Htmx.isRequest(request)) {
            return new ModelAndView(FragmentsRendering.fragment("task/fragments :: undo-result",
                    Map.of("undoId", undoId, "message", message, "failed", status != HttpStatus.OK))
                    .status(status).build());
        }
        if (status == HttpStatus.OK) {
            redirect.addFlashAttribute("toast", message);
            return new ModelAndView("redirect:" + backTo(boardId, back));
        }
        Membership membership = access.view(boardId, principal.getName());
        boardPage.addTo(model, membership, TaskForm.empty());
        model.addAttribute("flash", message);
        return new ModelAndView("task/board", model.asMap(), status);
    }

    /** A page of this board only: never a redirect elsewhere. */
    private static String backTo(long boardId, String back) {
        String board = "/boards/" + boardId;
        return back != null && back.matches("/boards/" + boardId + "(/tasks/\\d+)?") ? back : board;
    }
}
