package io.boardcast.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Sign-in with a password, refused without checking the password while the username or the client address is
 * throttled, and counted against both when the password is wrong (an unknown username is a wrong password too).
 */
class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final Throttle throttle;

    ThrottledSignIn(AuthenticationProvider passwords, Throttle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "";
        throttle.signInBlocked(username, address).ifPresent(wait -> {
            throw new TooManyAttemptsException(wait);
        });
        try {
            return passwords.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            throttle.signInFailed(username, address);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
