package io.boardcast.board;

import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

@Controller
class BoardController {

    private final BoardService boards;

    BoardController(BoardService boards) {
        this.boards = boards;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/boards";
    }

    @GetMapping("/boards")
    String list(Principal principal, Model model) {
        model.addAttribute("memberships", boards.boardsOf(principal.getName()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new BoardForm(""));
        }
        return "board/list";
    }

    @PostMapping("/boards")
    ModelAndView create(@Valid @ModelAttribute("form") BoardForm form, BindingResult result, Principal principal,
            Model model) {
        if (result.hasErrors()) {
            list(principal, model);
            return new ModelAndView("board/list", model.asMap(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        Board board = boards.create(form.name(), principal.getName());
        return new ModelAndView("redirect:/boards/" + board.getId());
    }
}
