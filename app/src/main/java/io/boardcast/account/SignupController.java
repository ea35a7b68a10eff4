package io.boardcast.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.Optional;
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
    private final Throttle throttle;

    SignupController(AccountService accounts, Throttle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
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

    /** Form mistakes are free; every sign-up that reaches the database counts against the client's address. */
    @PostMapping("/signup")
    ModelAndView signup(@Valid @ModelAttribute("form") SignupForm form, BindingResult result,
            HttpServletRequest request) {
        Optional<Duration> wait = throttle.signUpBlocked(request.getRemoteAddr());
        if (wait.isPresent()) {
            result.reject("throttled", "Too many attempts, try again in " + Throttle.seconds(wait.get()) + " seconds.");
            return new ModelAndView("account/signup", HttpStatus.TOO_MANY_REQUESTS);
        }
        if (!result.hasErrors()) {
            throttle.signUpAttempted(request.getRemoteAddr());
        }
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
