package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardcast.e2e.User.ALICE;
import static io.boardcast.e2e.User.BOB;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The app's Content-Security-Policy allows no inline script or style: the board, its live stream, htmx forms and a
 * reminder toast's dismiss button all still work in Chromium, and nothing on the page breaks the policy.
 */
@ExtendWith(E2eExtension.class)
class ContentSecurityPolicyE2E {

    /** Records what the browser blocked, from before any page script runs. */
    private static final String RECORD_VIOLATIONS = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', e =>"
            + " window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));";

    @Test
    void boardStaysLiveAndAToastIsDismissedUnderAPolicyWithoutInlineScript(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        alice.context().addInitScript(RECORD_VIOLATIONS);
        List<String> consoleErrors = new CopyOnWriteArrayList<>();
        alice.context().onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                consoleErrors.add(message.text());
            }
        });
        Board board = alice.createBoard("Policy", BOB);
        long task = alice.createTask(board, "Write the policy", "To do");

        BoardPage alicesBoard = alice.openBoard(board);
        Response reloaded = alicesBoard.page().reload();
        new BoardPage(alicesBoard.page(), board).awaitLive();
        TaskPage bobsTask = bob.openTask(board, task);
        bobsTask.reschedule(120, BOB.username());
        Locator toast = alicesBoard.page().locator("#toasts .toast");
        assertThat(toast).hasCount(1);
        toast.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Dismiss")).click();

        assertThat(toast).hasCount(0);
        assertAll(
                () -> assertTrue(String.valueOf(
                        reloaded.headerValue("content-security-policy")).contains("script-src 'self'"),
                        "the board page carries the policy: " + reloaded.headerValue("content-security-policy")),
                () -> assertEquals(List.of(), alicesBoard.page().evaluate("() => window.__cspViolations"),
                        "blocked by the policy"),
                () -> assertEquals(List.of(), consoleErrors, "console"));
    }
}
