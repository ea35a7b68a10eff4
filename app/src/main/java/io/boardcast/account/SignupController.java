package io.boardcast.account;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

@Controller
class SignupController {

    private final AccountService accounts;

    SignupController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login() {
        return "account/login";
    }

    @GetMapping("/signup")
    String signupForm(Model model) {
        model.addAttribute("form", new SignupForm("", ""));
        return "account/signup";
    }

    @PostMapping("/signup")
    ModelAndView signup(@Valid @ModelAttribute("form") SignupForm form, BindingResult result) {
        boolean taken = !result.hasFieldErrors("username") && accounts.find(form.username()).isPresent();
        if (taken || !result.hasErrors() && accounts.signUp(form.username(), form.password()).isEmpty()) {
            result.rejectValue("username", "taken", "That username is taken.");
        }
        if (result.hasErrors()) {
            return new ModelAndView("account/signup", HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return new ModelAndView("redirect:/login?signedUp");
    }
}
