package io.boardcast.checklist;

import io.boardcast.board.BoardAccess;
import io.boardcast.task.Task;
import io.boardcast.task.TaskPage;
import io.boardcast.web.Htmx;
import io.boardcast.web.RefusedChange;
import io.boardcast.web.StaleFormException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.FragmentsRendering;

/**
 * A task's checklist, written by plain forms on the task page: each answers a form post with a redirect to the task
 * page (or the page with the problem) and an htmx post with the list and the heading (and, for an add, the form
 * emptied), the same fragments the stream pushes.
 */
@Controller
@RequestMapping("/boards/{boardId}/tasks/{taskId}/checklist")
class ChecklistController {

    static final String STALE = "Someone else changed this item first. This is it now: make your change again.";
    private static final String FRAGMENTS = "checklist/fragments :: ";

    private final ChecklistService checklist;
    private final TaskPage taskPage;
    private final BoardAccess access;

    ChecklistController(ChecklistService checklist, TaskPage taskPage, BoardAccess access) {
        this.checklist = checklist;
        this.taskPage = taskPage;
        this.access = access;
    }

    @PostMapping
    ModelAndView add(@PathVariable long boardId, @PathVariable long taskId,
            @Valid @ModelAttribute("checklistForm") ChecklistForm form, BindingResult result, Principal principal,
            HttpServletRequest request, Model model) {
        access.edit(boardId, principal.getName());
        String problem = messages(result);
        if (problem == null) {
            try {
                return changed(checklist.add(boardId, taskId, principal.getName(), form.text()), true, request, model);
            } catch (RefusedChange refused) {
                problem = refused.getMessage();
            }
        }
        taskPage.addTo(model, boardId, taskId, principal.getName(), null);
        model.addAttribute("addError", problem);
        return Htmx.isRequest(request)
                ? new ModelAndView(FragmentsRendering.fragment(FRAGMENTS + "add-form", model.asMap())
                        .status(HttpStatus.UNPROCESSABLE_ENTITY).build())
                : new ModelAndView("task/show", model.asMap(), HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @PostMapping("/{itemId}")
    ModelAndView rename(@PathVariable long boardId, @PathVariable long taskId, @PathVariable long itemId,
            @Valid @ModelAttribute("checklistRename") ChecklistForm form, BindingResult result, Principal principal,
            HttpServletRequest request, Model model) {
        access.edit(boardId, principal.getName());
        String problem = messages(result);
        if (problem != null) {
            return problem(boardId, taskId, new ItemProblem(itemId, form.text(), problem),
                    HttpStatus.UNPROCESSABLE_ENTITY, principal, request, model);
        }
        try {
            return changed(checklist.rename(boardId, taskId, itemId, principal.getName(), form.text(),
                    form.version()), false, request, model);
        } catch (StaleFormException stale) {
            return problem(boardId, taskId, new ItemProblem(itemId, null, STALE), HttpStatus.CONFLICT, principal,
                    request, model);
        }
    }

    @PostMapping("/{itemId}/toggle")
    ModelAndView toggle(@PathVariable long boardId, @PathVariable long taskId, @PathVariable long itemId,
            @RequestParam(required = false) Long version, Principal principal, HttpServletRequest request,
            Model model) {
        try {
            return changed(checklist.toggle(boardId, taskId, itemId, principal.getName(), version), false, request,
                    model);
        } catch (StaleFormException stale) {
            return problem(boardId, taskId, new ItemProblem(itemId, null, STALE), HttpStatus.CONFLICT, principal,
                    request, model);
        }
    }

    @PostMapping("/{itemId}/delete")
    ModelAndView delete(@PathVariable long boardId, @PathVariable long taskId, @PathVariable long itemId,
            Principal principal, HttpServletRequest request, Model model) {
        return changed(checklist.delete(boardId, taskId, itemId, principal.getName()), false, request, model);
    }

    /** {@code position}: 0 is the top, clamped; empty is the end. */
    @PostMapping("/{itemId}/move")
    ModelAndView move(@PathVariable long boardId, @PathVariable long taskId, @PathVariable long itemId,
            @RequestParam(required = false) Integer position, Principal principal, HttpServletRequest request,
            Model model) {
        return changed(checklist.move(boardId, taskId, itemId, principal.getName(), position), false, request, model);
    }

    /** What went wrong with one item's form, shown beside it; {@code text} is what was typed (null: the item's). */
    public record ItemProblem(long itemId, String text, String message) {
    }

    private ModelAndView changed(Task task, boolean emptyForm, HttpServletRequest request, Model model) {
        if (!Htmx.isRequest(request)) {
            return new ModelAndView("redirect:/boards/" + task.getBoardId() + "/tasks/" + task.getId() + "#checklist");
        }
        model.addAttribute("task", task);
        model.addAttribute("checklist", checklist.of(task.getId()));
        model.addAttribute("canEdit", true);
        model.addAttribute("checklistForm", ChecklistForm.empty());
        model.addAttribute("oob", true);
        FragmentsRendering.Builder answer = emptyForm
                ? FragmentsRendering.fragment(FRAGMENTS + "add-form", model.asMap()).fragment(FRAGMENTS + "list", model.asMap())
                : FragmentsRendering.fragment(FRAGMENTS + "list", model.asMap());
        return new ModelAndView(answer.fragment(FRAGMENTS + "heading", model.asMap()).build());
    }

    private ModelAndView problem(long boardId, long taskId, ItemProblem problem, HttpStatus status,
            Principal principal, HttpServletRequest request, Model model) {
        taskPage.addTo(model, boardId, taskId, principal.getName(), null);
        model.addAttribute("problem", problem);
        if (!Htmx.isRequest(request)) {
            return new ModelAndView("task/show", model.asMap(), status);
        }
        model.addAttribute("oob", true);
        return new ModelAndView(FragmentsRendering.fragment(FRAGMENTS + "list", model.asMap())
                .fragment(FRAGMENTS + "heading", model.asMap()).status(status).build());
    }

    /** The form's messages about its text (null when it has none); anything else is a form that's out of date. */
    private static String messages(BindingResult result) {
        if (!result.hasErrors()) {
            return null;
        }
        String text = result.getFieldErrors("text").stream().map(FieldError::getDefaultMessage)
                .collect(Collectors.joining(" "));
        return text.isEmpty() ? "This form is out of date: reload the page and try again." : text;
    }
}
