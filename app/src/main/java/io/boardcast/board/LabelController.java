package io.boardcast.board;

import io.boardcast.web.RefusedChange;
import io.boardcast.web.StaleFormException;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** The board's labels page: add, rename, recolour and delete labels, as plain forms. */
@Controller
@RequestMapping("/boards/{boardId}/labels")
class LabelController {

    static final String STALE = "Someone else changed this label first. This is its current state: make your change again.";

    private final Labels labels;
    private final BoardAccess access;

    LabelController(Labels labels, BoardAccess access) {
        this.labels = labels;
        this.access = access;
    }

    @GetMapping
    String show(@PathVariable long boardId, Principal principal, Model model) {
        model.addAttribute("board", access.edit(boardId, principal.getName()).getBoard());
        List<Label> onBoard = labels.of(boardId);
        model.addAttribute("labels", onBoard);
        model.addAttribute("forms", onBoard.stream().collect(Collectors.toMap(Label::getId, LabelForm::of)));
        model.addAttribute("colors", LabelColor.values());
        if (!model.containsAttribute("addForm")) {
            model.addAttribute("addForm", new LabelForm());
        }
        return "board/labels";
    }

    @PostMapping
    ModelAndView add(@PathVariable long boardId, @Valid @ModelAttribute("addForm") LabelForm form,
            BindingResult result, Principal principal, Model model) {
        access.edit(boardId, principal.getName());
        if (!result.hasErrors()) {
            try {
                labels.add(boardId, principal.getName(), form);
                return done(boardId);
            } catch (RefusedChange refused) {
                result.rejectValue(refused.field(), "refused", refused.getMessage());
            }
        }
        return page(boardId, principal, model, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @PostMapping("/{labelId}")
    ModelAndView edit(@PathVariable long boardId, @PathVariable long labelId,
            @Valid @ModelAttribute("form") LabelForm form, BindingResult result, Principal principal, Model model) {
        access.edit(boardId, principal.getName());
        model.addAttribute("editing", labelId);
        if (!result.hasErrors()) {
            try {
                labels.edit(boardId, labelId, principal.getName(), form);
                return done(boardId);
            } catch (RefusedChange refused) {
                result.rejectValue(refused.field(), "refused", refused.getMessage());
            } catch (StaleFormException stale) {
                model.addAttribute("editing", null);
                model.addAttribute("problem", Map.of(labelId, STALE));
                return page(boardId, principal, model, HttpStatus.CONFLICT);
            }
        }
        return page(boardId, principal, model, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @PostMapping("/{labelId}/delete")
    ModelAndView delete(@PathVariable long boardId, @PathVariable long labelId, Principal principal) {
        labels.delete(boardId, labelId, principal.getName());
        return done(boardId);
    }

    private ModelAndView page(long boardId, Principal principal, Model model, HttpStatus status) {
        return new ModelAndView(show(boardId, principal, model), model.asMap(), status);
    }

    private static ModelAndView done(long boardId) {
        return new ModelAndView("redirect:/boards/" + boardId + "/labels");
    }
}
