package io.boardcast.task;

import io.boardcast.board.BoardAccess;
import io.boardcast.board.BoardColumn;
import io.boardcast.board.BoardPage;
import io.boardcast.board.BoardService;
import io.boardcast.board.Membership;
import io.boardcast.comment.CommentService;
import io.boardcast.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
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
import org.springframework.web.servlet.view.FragmentsRendering;

@Controller
@RequestMapping("/boards/{boardId}/tasks")
class TaskController {

    static final String STALE = "Someone else changed this task first. This is its current state: make your change again.";

    private final TaskService tasks;
    private final BoardService boards;
    private final BoardAccess access;
    private final CommentService comments;

    TaskController(TaskService tasks, BoardService boards, BoardAccess access, CommentService comments) {
        this.tasks = tasks;
        this.boards = boards;
        this.access = access;
        this.comments = comments;
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
            BoardPage.addTo(model, membership, boards.members(boardId), form);
            return htmx
                    ? new ModelAndView(FragmentsRendering.fragment("task/fragments :: create-form", model.asMap())
                            .status(HttpStatus.UNPROCESSABLE_ENTITY).build())
                    : new ModelAndView("board/show", model.asMap(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (!htmx) {
            return new ModelAndView("redirect:/boards/" + boardId);
        }
        BoardPage.addTo(model, membership, boards.members(boardId), TaskForm.empty());
        return new ModelAndView(FragmentsRendering.fragment("task/fragments :: create-form", model.asMap())
                .fragment(columnFragment(task.getColumn(), true))
                .build());
    }

    @GetMapping("/{taskId}")
    String show(@PathVariable long boardId, @PathVariable long taskId, Principal principal, Model model) {
        Task task = tasks.find(boardId, taskId, principal.getName());
        addDetail(model, task, principal, TaskPage.formOf(task));
        return "task/show";
    }

    @PostMapping("/{taskId}")
    ModelAndView edit(@PathVariable long boardId, @PathVariable long taskId,
            @Valid @ModelAttribute("form") TaskForm form, BindingResult result, Principal principal,
            HttpServletRequest request, Model model) {
        access.edit(boardId, principal.getName());
        HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
        if (!result.hasErrors()) {
            try {
                Task task = tasks.edit(boardId, taskId, principal.getName(), form);
                if (!Htmx.isRequest(request)) {
                    return new ModelAndView("redirect:/boards/" + boardId + "/tasks/" + taskId);
                }
                model.addAttribute("saved", true);
                return detail(request, model, task, principal, TaskPage.formOf(task), HttpStatus.OK);
            } catch (RejectedInput rejected) {
                result.rejectValue(rejected.field(), "rejected", rejected.getMessage());
            } catch (StaleTaskException stale) {
                model.addAttribute("conflict", STALE);
                Task fresh = tasks.find(boardId, taskId, principal.getName());
                return detail(request, model, fresh, principal, TaskPage.formOf(fresh), HttpStatus.CONFLICT);
            }
        }
        return detail(request, model, tasks.find(boardId, taskId, principal.getName()), principal, form, status);
    }

    @PostMapping("/{taskId}/move")
    ModelAndView move(@PathVariable long boardId, @PathVariable long taskId, @RequestParam long columnId,
            @RequestParam(required = false) Long version, Principal principal, HttpServletRequest request,
            Model model) {
        access.edit(boardId, principal.getName());
        String problem;
        HttpStatus status;
        try {
            // Nothing of the task is read before the service locks the board: a stale read here would pass the
            // version check and fail at the flush.
            TaskService.Moved moved = tasks.move(boardId, taskId, principal.getName(), columnId, version);
            if (!Htmx.isRequest(request)) {
                return new ModelAndView("redirect:/boards/" + boardId);
            }
            return new ModelAndView(FragmentsRendering.fragments(List.of(columnFragment(moved.from(), true),
                    columnFragment(moved.task().getColumn(), true))).build());
        } catch (StaleTaskException stale) {
            problem = STALE;
            status = HttpStatus.CONFLICT;
        } catch (RejectedInput rejected) {
            problem = rejected.getMessage();
            status = HttpStatus.UNPROCESSABLE_ENTITY;
        }
        Membership membership = access.view(boardId, principal.getName());
        BoardPage.addTo(model, membership, boards.members(boardId), TaskForm.empty());
        model.addAttribute("flash", problem);
        if (!Htmx.isRequest(request)) {
            return new ModelAndView("board/show", model.asMap(), status);
        }
        // Show the fresh state of every column with the message, so the user sees what changed under them.
        FragmentsRendering.Builder fragments = FragmentsRendering.fragment("web/fragments :: flash", model.asMap());
        membership.getBoard().getColumns().forEach(column -> fragments.fragment(columnFragment(column, true)));
        return new ModelAndView(fragments.status(status).build());
    }

    @PostMapping("/{taskId}/delete")
    ModelAndView delete(@PathVariable long boardId, @PathVariable long taskId,
            @RequestParam(required = false) Long version, Principal principal, HttpServletRequest request,
            Model model) {
        try {
            tasks.delete(boardId, taskId, principal.getName(), version);
            return new ModelAndView("redirect:/boards/" + boardId);
        } catch (StaleTaskException stale) {
            model.addAttribute("conflict", STALE);
            Task fresh = tasks.find(boardId, taskId, principal.getName());
            return detail(request, model, fresh, principal, TaskPage.formOf(fresh), HttpStatus.CONFLICT);
        }
    }

    private ModelAndView detail(HttpServletRequest request, Model model, Task task, Principal principal,
            TaskForm form, HttpStatus status) {
        addDetail(model, task, principal, form);
        if (Htmx.isRequest(request)) {
            return new ModelAndView(FragmentsRendering.fragment("task/fragments :: detail", model.asMap())
                    .status(status).build());
        }
        return new ModelAndView("task/show", model.asMap(), status);
    }

    private void addDetail(Model model, Task task, Principal principal, TaskForm form) {
        long boardId = task.getBoard().getId();
        TaskPage.addTo(model, task, access.view(boardId, principal.getName()), boards.members(boardId), form,
                comments.page(boardId, task.getId(), null));
    }

    private ModelAndView columnFragment(BoardColumn column, boolean canEdit) {
        return new ModelAndView("board/fragments :: column",
                Map.of("column", column, "canEdit", canEdit, "oob", true));
    }
}
