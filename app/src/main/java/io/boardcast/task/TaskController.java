package io.boardcast.task;

import io.boardcast.board.Board;
import io.boardcast.board.BoardAccess;
import io.boardcast.board.Membership;
import io.boardcast.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.FragmentsRendering;

@Controller
@RequestMapping("/boards/{boardId}/tasks")
class TaskController {

    static final String STALE = "Someone else changed this task first. This is its current state: make your change again.";

    private final TaskService tasks;
    private final BoardAccess access;
    private final BoardPage boardPage;
    private final TaskPage taskPage;
    private final TaskFragments fragments;

    TaskController(TaskService tasks, BoardAccess access, BoardPage boardPage, TaskPage taskPage,
            TaskFragments fragments) {
        this.tasks = tasks;
        this.access = access;
        this.boardPage = boardPage;
        this.taskPage = taskPage;
        this.fragments = fragments;
    }

    @PostMapping
    ModelAndView create(@PathVariable long boardId, @Valid @ModelAttribute("form") TaskForm form,
            BindingResult result, Principal principal, HttpServletRequest request, Model model) {
        access.edit(boardId, principal.getName());
        Task task = null;
        if (!result.hasErrors()) {
            try {
                task = tasks.create(boardId, principal.getName(), form);
            } catch (RejectedInput rejected) {
                result.rejectValue(rejected.field(), "rejected", rejected.getMessage());
            }
        }
        boolean htmx = Htmx.isRequest(request);
        // Loaded after the write: a rolled-back write leaves nothing loaded before it usable.
        Membership membership = access.view(boardId, principal.getName());
        if (task == null) {
            boardPage.addTo(model, membership, form);
            return htmx
                    ? new ModelAndView(FragmentsRendering.fragment("task/fragments :: create-form", model.asMap())
                            .status(HttpStatus.UNPROCESSABLE_ENTITY).build())
                    : new ModelAndView("task/board", model.asMap(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (!htmx) {
            return new ModelAndView("redirect:/boards/" + boardId);
        }
        boardPage.addTo(model, membership, TaskForm.empty());
        Board board = membership.getBoard();
        FragmentsRendering.Builder answer = FragmentsRendering.fragment("task/fragments :: create-form", model.asMap());
        if (boardPage.shows(request, membership, task)) {
            answer.fragment(oob("task/fragments :: card-added", fragments.cardModel(task, board, true)));
        } else {
            model.addAttribute("flash", "\u201c" + task.getTitle() + "\u201d was added; the filter hides it.");
            answer.fragment("web/fragments :: flash", oobModel(model.asMap()));
        }
        return new ModelAndView(answer.fragment(header(board, task.getColumnId())).build());
    }

    @GetMapping("/{taskId}")
    String show(@PathVariable long boardId, @PathVariable long taskId, Principal principal, Model model) {
        taskPage.addTo(model, boardId, taskId, principal.getName(), null);
        return "task/show";
    }

    @PostMapping("/{taskId}")
    ModelAndView edit(@PathVariable long boardId, @PathVariable long taskId,
            @Valid @ModelAttribute("form") TaskForm form, BindingResult result, Principal principal,
            HttpServletRequest request, RedirectAttributes redirect, Model model) {
        access.edit(boardId, principal.getName());
        HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
        if (!result.hasErrors()) {
            try {
                UndoOffer undo = tasks.edit(boardId, taskId, principal.getName(), form).undo();
                if (!Htmx.isRequest(request)) {
                    UndoAdvice.offerNext(request, undo);
                    return new ModelAndView("redirect:" + undo.back());
                }
                model.addAttribute("saved", true);
                taskPage.addTo(model, boardId, taskId, principal.getName(), null);
                return new ModelAndView(FragmentsRendering.fragment("task/fragments :: detail", model.asMap())
                        .fragment(oob("task/fragments :: undo-toast", Map.of("undo", undo))).build());
            } catch (RejectedInput rejected) {
                result.rejectValue(rejected.field(), "rejected", rejected.getMessage());
            } catch (StaleTaskException stale) {
                model.addAttribute("conflict", STALE);
                return detail(request, model, boardId, taskId, principal, null, HttpStatus.CONFLICT);
            }
        }
        return detail(request, model, boardId, taskId, principal, form, status);
    }

    @PostMapping("/{taskId}/move")
    ModelAndView move(@PathVariable long boardId, @PathVariable long taskId, @RequestParam long columnId,
            @RequestParam(required = false) Integer position, @RequestParam(required = false) Long version,
            Principal principal, HttpServletRequest request, RedirectAttributes redirect, Model model) {
        String problem;
        HttpStatus status;
        try {
            // Nothing of the task is read before the service locks the board: a stale read here would pass the
            // version check and fail at the flush. The service checks the membership, once.
            TaskService.Moved moved = tasks.move(boardId, taskId, principal.getName(), columnId, position, version);
            String warning = moved.overLimit().map(column -> "\u201c" + column.getName() + "\u201d is over its limit now: "
                    + moved.cardsInTarget() + " / " + column.getWipLimit() + ".").orElse(null);
            UndoOffer undo = moved.undo();
            if (!Htmx.isRequest(request)) {
                // Only a message: an empty flash map would still be kept and could be the one the next page gets.
                if (warning != null) {
                    redirect.addFlashAttribute("flash", warning);
                }
                UndoAdvice.offerNext(request, undo);
                return new ModelAndView("redirect:/boards/" + boardId);
            }
            // What the move pushes to everyone (the card's new version, both headers), and the mover's message.
            Board board = moved.board();
            model.addAttribute("flash", warning);
            FragmentsRendering.Builder answer = FragmentsRendering
                    .fragment("web/fragments :: flash", oobModel(model.asMap()))
                    .fragment(oob("task/fragments :: card-version", Map.of("task", moved.task())));
            if (moved.from() != moved.task().getColumnId()) {
                answer.fragment(header(board, moved.from()));
            }
            if (undo != null) {
                answer.fragment(oob("task/fragments :: undo-toast", Map.of("undo", undo)));
            }
            return new ModelAndView(answer.fragment(header(board, moved.task().getColumnId())).build());
        } catch (StaleTaskException stale) {
            problem = STALE;
            status = HttpStatus.CONFLICT;
        } catch (RejectedInput rejected) {
            problem = rejected.getMessage();
            status = HttpStatus.UNPROCESSABLE_ENTITY;
        }
        Membership membership = access.view(boardId, principal.getName());
        boardPage.addTo(model, membership, TaskForm.empty());
        model.addAttribute("flash", problem);
        if (!Htmx.isRequest(request)) {
            return new ModelAndView("task/board", model.asMap(), status);
        }
        // Show the fresh state of every column with the message, so the user sees what changed under them.
        return new ModelAndView(FragmentsRendering.fragment("web/fragments :: flash", oobModel(model.asMap()))
                .fragment(oob("task/fragments :: columns", model.asMap()))
                .status(status).build());
    }

    /** Takes the task off the board (to the board's archive); from the task page. */
    @PostMapping("/{taskId}/archive")
    ModelAndView archive(@PathVariable long boardId, @PathVariable long taskId,
            @RequestParam(required = false) Long version, Principal principal, HttpServletRequest request,
            RedirectAttributes redirect, Model model) {
        try {
            UndoAdvice.offerNext(request, tasks.archive(boardId, taskId, principal.getName(), version).undo());
            return new ModelAndView("redirect:/boards/" + boardId);
        } catch (StaleTaskException stale) {
            model.addAttribute("conflict", STALE);
            return detail(request, model, boardId, taskId, principal, null, HttpStatus.CONFLICT);
        }
    }

    /** Back to the end of its column; from the archive page or the task page. */
    @PostMapping("/{taskId}/restore")
    String restore(@PathVariable long boardId, @PathVariable long taskId, Principal principal) {
        tasks.restore(boardId, taskId, principal.getName());
        return "redirect:/boards/" + boardId + "/archive";
    }

    @PostMapping("/{taskId}/delete")
    ModelAndView delete(@PathVariable long boardId, @PathVariable long taskId,
            @RequestParam(required = false) Long version, Principal principal, HttpServletRequest request,
            RedirectAttributes redirect, Model model) {
        try {
            UndoAdvice.offerNext(request, tasks.delete(boardId, taskId, principal.getName(), version).undo());
            return new ModelAndView("redirect:/boards/" + boardId);
        } catch (StaleTaskException stale) {
            model.addAttribute("conflict", STALE);
            return detail(request, model, boardId, taskId, principal, null, HttpStatus.CONFLICT);
        }
    }

    private ModelAndView detail(HttpServletRequest request, Model model, long boardId, long taskId,
            Principal principal, TaskForm form, HttpStatus status) {
        taskPage.addTo(model, boardId, taskId, principal.getName(), form);
        if (Htmx.isRequest(request)) {
            return new ModelAndView(FragmentsRendering.fragment("task/fragments :: detail", model.asMap())
                    .status(status).build());
        }
        return new ModelAndView("task/show", model.asMap(), status);
    }

    /** A column's header for an htmx answer; the forms in it are an editor's, since only editors post here. */
    private ModelAndView header(Board board, long columnId) {
        return oob("task/fragments :: column-header", fragments.header(board, columnId, true).orElseThrow());
    }

    private static ModelAndView oob(String fragment, Map<String, ?> model) {
        return new ModelAndView(fragment, oobModel(model));
    }

    private static Map<String, Object> oobModel(Map<String, ?> model) {
        Map<String, Object> oob = new HashMap<>(model);
        oob.put("oob", true);
        return oob;
    }
}
