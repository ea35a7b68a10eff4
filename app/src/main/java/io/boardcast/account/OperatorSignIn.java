package io.boardcast.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks the operator's credential ({@link OperatorProperties}), in constant time. No BCrypt: the password comes from
 * the environment rather than a database, and a scrape every few seconds should not cost a hash each.
 */
class OperatorSignIn implements AuthenticationProvider {

    static final String ROLE = "OPERATOR";

    private final OperatorProperties operator;

    OperatorSignIn(OperatorProperties operator) {
        this.operator = operator;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        boolean matches = operator.enabled()
                & MessageDigest.isEqual(sha256(operator.username()), sha256(attempt.getName()))
                & MessageDigest.isEqual(sha256(operator.password()), sha256(password));
        if (!matches) {
            throw new BadCredentialsException("Not the operator");
        }
        return UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
