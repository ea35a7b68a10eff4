package io.boardcast.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A wrong password goes back to the sign-in form (/login?error). A throttled sign-in gets 429 with Retry-After, and
 * the error page (templates/error/429.html) says how long to wait.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

    /** The request attribute error/429.html reads. */
    static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

    private final AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        if (exception instanceof TooManyAttemptsException tooMany) {
            long seconds = Throttle.seconds(tooMany.retryAfter());
            response.setHeader("Retry-After", Long.toString(seconds));
            request.setAttribute(RETRY_AFTER_SECONDS, seconds);
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        } else {
            wrongPassword.onAuthenticationFailure(request, response, exception);
        }
    }
}
