package io.boardcast.board;

import io.boardcast.web.Htmx;
import io.boardcast.web.RefusedChange;
import io.boardcast.web.StaleFormException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The board's columns page: add, rename, limit, flag as done, reorder and delete columns, all as plain forms. */
@Controller
@RequestMapping("/boards/{boardId}/columns")
class ColumnController {

    static final String STALE = "Someone else changed this column first. This is its current state: make your change again.";

    private final ColumnService columns;
    private final BoardAccess access;
    private final ColumnCards cards;

    ColumnController(ColumnService columns, BoardAccess access, ColumnCards cards) {
        this.columns = columns;
        this.access = access;
        this.cards = cards;
    }

    @GetMapping
    String show(@PathVariable long boardId, Principal principal, Model model) {
        Board board = access.edit(boardId, principal.getName()).getBoard();
        model.addAttribute("board", board);
        model.addAttribute("counts", cards.countsOn(boardId));
        model.addAttribute("forms", board.getColumns().stream()
                .collect(Collectors.toMap(BoardColumn::getId, ColumnForm::of)));
        if (!model.containsAttribute("addForm")) {
            model.addAttribute("addForm", new ColumnForm());
        }
        return "board/columns";
    }

    @PostMapping
    ModelAndView add(@PathVariable long boardId, @Valid @ModelAttribute("addForm") ColumnForm form,
            BindingResult result, Principal principal, Model model) {
        access.edit(boardId, principal.getName());
        if (result.hasErrors()) {
            return page(boardId, principal, model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        columns.add(boardId, principal.getName(), form);
        return done(boardId);
    }

    @PostMapping("/{columnId}")
    ModelAndView edit(@PathVariable long boardId, @PathVariable long columnId,
            @Valid @ModelAttribute("form") ColumnForm form, BindingResult result, Principal principal, Model model) {
        access.edit(boardId, principal.getName());
        if (result.hasErrors()) {
            model.addAttribute("editing", columnId);
            return page(boardId, principal, model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            columns.edit(boardId, columnId, principal.getName(), form);
            return done(boardId);
        } catch (StaleFormException stale) {
            model.addAttribute("problem", Map.of(columnId, STALE));
            return page(boardId, principal, model, HttpStatus.CONFLICT);
        }
    }

    /** From the columns page (a plain form) or from dragging a column by its header on the board (htmx). */
    @PostMapping("/{columnId}/move")
    ModelAndView move(@PathVariable long boardId, @PathVariable long columnId, @RequestParam int position,
            Principal principal, HttpServletRequest request, HttpServletResponse response) {
        columns.move(boardId, columnId, principal.getName(), position);
        if (Htmx.isRequest(request)) {
            // The board already shows the column where it was dropped; the board's event brings everyone the rest.
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        return done(boardId);
    }

    @PostMapping("/{columnId}/delete")
    ModelAndView delete(@PathVariable long boardId, @PathVariable long columnId,
            @RequestParam(required = false) Long moveTasksTo, Principal principal, Model model) {
        try {
            columns.delete(boardId, columnId, principal.getName(), moveTasksTo);
            return done(boardId);
        } catch (RefusedChange refused) {
            model.addAttribute("problem", Map.of(columnId, refused.getMessage()));
            return page(boardId, principal, model, HttpStatus.CONFLICT);
        }
    }

    private ModelAndView page(long boardId, Principal principal, Model model, HttpStatus status) {
        return new ModelAndView(show(boardId, principal, model), model.asMap(), status);
    }

    private static ModelAndView done(long boardId) {
        return new ModelAndView("redirect:/boards/" + boardId + "/columns");
    }
}
