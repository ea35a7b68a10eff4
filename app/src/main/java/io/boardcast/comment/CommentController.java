package io.boardcast.comment;

import io.boardcast.board.BoardAccess;
import io.boardcast.task.TaskPage;
import io.boardcast.task.TaskService;
import io.boardcast.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.FragmentsRendering;

@Controller
class CommentController {

    private final CommentService comments;
    private final TaskService tasks;
    private final TaskPage taskPage;
    private final BoardAccess access;

    CommentController(CommentService comments, TaskService tasks, TaskPage taskPage, BoardAccess access) {
        this.comments = comments;
        this.tasks = tasks;
        this.taskPage = taskPage;
        this.access = access;
    }

    /** Earlier comments: the task page showing them, or (asked by htmx) the page to put in front of the list. */
    @GetMapping("/boards/{boardId}/tasks/{taskId}/comments")
    ModelAndView earlier(@PathVariable long boardId, @PathVariable long taskId,
            @RequestParam(required = false) Long before, Principal principal, HttpServletRequest request, Model model) {
        if (Htmx.isRequest(request)) {
            tasks.find(boardId, taskId, principal.getName());
            Map<String, Object> earlier = Map.of("comments", comments.page(boardId, taskId, before),
                    "memberNames", access.members(boardId));
            return new ModelAndView(FragmentsRendering.fragment("comment/fragments :: earlier", earlier)
                    .fragment("comment/fragments :: prepended", earlier)
                    .build());
        }
        // The page first (it reads the board's sequence before anything it shows), then this page of comments.
        taskPage.addTo(model, boardId, taskId, principal.getName(), null);
        model.addAttribute("comments", comments.page(boardId, taskId, before));
        return new ModelAndView("task/show", model.asMap());
    }

    @PostMapping("/boards/{boardId}/tasks/{taskId}/comments")
    ModelAndView add(@PathVariable long boardId, @PathVariable long taskId,
            @Valid @ModelAttribute("commentForm") CommentForm form, BindingResult result, Principal principal,
            HttpServletRequest request, Model model) {
        access.edit(boardId, principal.getName());
        if (result.hasErrors()) {
            taskPage.addTo(model, boardId, taskId, principal.getName(), null);
            return Htmx.isRequest(request)
                    ? new ModelAndView(FragmentsRendering.fragment("comment/fragments :: form", model.asMap())
                            .status(HttpStatus.UNPROCESSABLE_ENTITY).build())
                    : new ModelAndView("task/show", model.asMap(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        Comment comment = comments.add(boardId, taskId, principal.getName(), form.body());
        if (!Htmx.isRequest(request)) {
            return new ModelAndView("redirect:/boards/" + boardId + "/tasks/" + taskId + "#comments");
        }
        // The same fragments the stream pushes: the new comment appended, and the count.
        model.addAttribute("task", tasks.find(boardId, taskId, principal.getName()));
        model.addAttribute("comment", comment);
        model.addAttribute("memberNames", access.members(boardId));
        model.addAttribute("commentForm", new CommentForm(""));
        model.addAttribute("oob", true);
        return new ModelAndView(FragmentsRendering.fragment("comment/fragments :: form", model.asMap())
                .fragment("comment/fragments :: appended", model.asMap())
                .fragment("comment/fragments :: heading", model.asMap())
                .build());
    }
}
