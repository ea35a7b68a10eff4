package io.boardcast.board;

import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

@Controller
class MemberController {

    private final BoardService boards;
    private final BoardAccess access;

    MemberController(BoardService boards, BoardAccess access) {
        this.boards = boards;
        this.access = access;
    }

    @GetMapping("/boards/{boardId}/members")
    String show(@PathVariable long boardId, Principal principal, Model model) {
        Membership membership = access.view(boardId, principal.getName());
        model.addAttribute("board", membership.getBoard());
        model.addAttribute("isOwner", membership.isOwner());
        model.addAttribute("members", boards.members(boardId));
        model.addAttribute("roles", Role.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new MemberForm());
        }
        if (!model.containsAttribute("renameForm")) {
            model.addAttribute("renameForm", new BoardForm(membership.getBoard().getName()));
        }
        return "board/members";
    }

    /** The rename form is on the members page, the owners' page of the board. */
    @PostMapping("/boards/{boardId}/name")
    ModelAndView rename(@PathVariable long boardId, @Valid @ModelAttribute("renameForm") BoardForm form,
            BindingResult result, Principal principal, Model model) {
        access.own(boardId, principal.getName());
        if (result.hasErrors()) {
            show(boardId, principal, model);
            return new ModelAndView("board/members", model.asMap(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        boards.rename(boardId, principal.getName(), form.name());
        return new ModelAndView("redirect:/boards/" + boardId + "/members");
    }

    @PostMapping("/boards/{boardId}/members")
    ModelAndView add(@PathVariable long boardId, @Valid @ModelAttribute("form") MemberForm form,
            BindingResult result, Principal principal, Model model) {
        access.own(boardId, principal.getName());
        if (!result.hasErrors()) {
            switch (boards.addMember(boardId, principal.getName(), form.getUsername(), form.getRole())) {
                case ADDED -> {
                    return new ModelAndView("redirect:/boards/" + boardId + "/members");
                }
                case NO_SUCH_USER -> result.rejectValue("username", "unknown", "No user is called that.");
                case ALREADY_MEMBER -> result.rejectValue("username", "member", "That user is already a member.");
            }
        }
        show(boardId, principal, model);
        return new ModelAndView("board/members", model.asMap(), HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @PostMapping("/boards/{boardId}/members/{membershipId}/delete")
    ModelAndView remove(@PathVariable long boardId, @PathVariable long membershipId, Principal principal,
            Model model) {
        if (!boards.removeMember(boardId, principal.getName(), membershipId)) {
            model.addAttribute("removeError", "A board needs at least one owner.");
            show(boardId, principal, model);
            return new ModelAndView("board/members", model.asMap(), HttpStatus.CONFLICT);
        }
        return new ModelAndView("redirect:/boards/" + boardId + "/members");
    }
}
