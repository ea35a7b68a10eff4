package io.boardcast.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.Fixtures;
import io.boardcast.support.PostgresWebIntegration;
import io.boardcast.testsupport.WebSession.Answer;
import io.boardcast.testsupport.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountFlowsIT extends PostgresWebIntegration {

    @Test
    void newUserSignsUpThenSignsInAndSeesTheirBoards() {
        WebSession browser = anonymous();
        String username = "newcomer-" + System.nanoTime();

        Answer signedUp = browser.post("/signup", Map.of("username", username, "password", "long enough"));
        Answer signedIn = browser.post("/login", Map.of("username", username, "password", "long enough"));

        assertThat(signedUp.location()).endsWith("/login?signedUp");
        assertThat(signedIn.location()).endsWith("/boards");
        assertThat(browser.get("/boards").body()).contains("Signed in as", username, "No boards yet");
    }

    @Test
    void takenUsernameAndShortPasswordAreExplained() {
        String username = fixtures.user("taken");

        Answer page = anonymous().post("/signup", Map.of("username", username, "password", "short"));

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("That username is taken.", "A password has at least 8 characters.");
    }

    @Test
    void passwordOfMoreThan72BytesIsExplainedInlineNotAServerError() {
        // 40 characters, 80 bytes in UTF-8: BCrypt reads bytes, and refuses more than 72.
        String accented = "é".repeat(40);

        Answer page = anonymous().post("/signup", Map.of("username", "accent-" + System.nanoTime(), "password", accented));

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("A password has at most 72 bytes");
    }

    @Test
    void passwordOfExactly72BytesIsAccepted() {
        String username = "bytes72-" + System.nanoTime();
        String password = "é".repeat(36);
        WebSession browser = anonymous();

        Answer signedUp = browser.post("/signup", Map.of("username", username, "password", password));

        assertThat(signedUp.location()).endsWith("/login?signedUp");
        assertThat(browser.post("/login", Map.of("username", username, "password", password)).location())
                .endsWith("/boards");
    }

    @Test
    void signInWithAPasswordOfMoreThan72BytesIsAWrongPassword() {
        String username = fixtures.user("long-password");
        String tooLong = Fixtures.PASSWORD + "x".repeat(80);

        Answer known = anonymous().post("/login", Map.of("username", username, "password", tooLong));
        Answer unknown = anonymous().post("/login", Map.of("username", "nobody-" + System.nanoTime(), "password", tooLong));

        assertThat(known.status()).isEqualTo(302);
        assertThat(known.location()).endsWith("/login?error");
        assertThat(unknown.status()).isEqualTo(302);
        assertThat(unknown.location()).endsWith("/login?error");
    }

    @Test
    void wrongPasswordIsRefused() {
        String username = fixtures.user("someone");

        Answer page = anonymous().post("/login", Map.of("username", username, "password", "not the password"));

        assertThat(page.location()).endsWith("/login?error");
    }

    @Test
    void passwordsAreStoredAsBcryptHashes(@org.springframework.beans.factory.annotation.Autowired
            AccountRepository accounts) {
        String username = fixtures.user("hashed");

        assertThat(accounts.findByUsername(username).orElseThrow().getPasswordHash()).startsWith("$2a$");
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        assertThat(anonymous().get("/boards").location()).endsWith("/login");
    }

    @Test
    void signOutEndsTheSession() {
        WebSession browser = signedIn(fixtures.user("leaving"));

        browser.post("/logout", Map.of());

        assertThat(browser.get("/boards").status()).isEqualTo(302);
    }

    @Test
    void postWithoutCsrfTokenIsForbidden() {
        WebSession browser = signedIn(fixtures.user("csrf"));

        assertThat(browser.postRaw("/boards", Map.of("name", "No token"), false).status()).isEqualTo(403);
        assertThat(browser.postRaw("/boards", Map.of("name", "No token"), true).status()).isEqualTo(403);
        assertThat(browser.get("/boards").body()).doesNotContain("No token");
    }
}
