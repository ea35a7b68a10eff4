package io.boardcast.account;

import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountService {

    /** BCrypt hashes at most 72 bytes of a password and refuses longer ones; see {@link MaxUtf8Bytes}. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** Creates the account, or returns empty when the username is taken (also under a concurrent sign-up). */
    @Transactional
    public Optional<Account> signUp(String username, String rawPassword) {
        if (accounts.existsByUsername(username)) {
            return Optional.empty();
        }
        try {
            return Optional.of(accounts.saveAndFlush(
                    new Account(username, passwordEncoder.encode(rawPassword), clock.instant())));
        } catch (DataIntegrityViolationException raceLost) {
            return Optional.empty();
        }
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        return accounts.findByUsername(username);
    }

    @Transactional(readOnly = true)
    public Account require(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> new IllegalStateException("Signed-in user has no account: " + username));
    }
}
