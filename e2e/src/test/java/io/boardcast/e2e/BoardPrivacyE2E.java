package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardcast.e2e.User.ALICE;
import static io.boardcast.e2e.User.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A board is visible only to its members: others can't tell it exists, nor listen to it. */
@ExtendWith(E2eExtension.class)
class BoardPrivacyE2E {

    private static final RequestOptions EVENT_STREAM = RequestOptions.create().setHeader("Accept", "text/event-stream");

    @Test
    void nonMemberGetsNotFoundForTheBoardAndItsEventStream(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Board board = alice.createBoard("Alice's secrets");
        long task = alice.createTask(board, "Surprise party", "To do");
        Visitor carol = stage.signIn(CAROL);

        Page page = carol.context().newPage();
        Response boardPage = page.navigate(carol.baseUrl() + board.path());
        assertEquals(404, boardPage.status());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Not found");
        assertThat(page.getByText("Surprise party")).hasCount(0);
        // The page keeps carol's own personal stream, as every page does; nothing on it listens to the board.
        assertThat(page.locator("#live")).hasAttribute("sse-connect", Pattern.compile("^/notifications/events"));
        assertThat(page.locator("[sse-connect*='/boards/']")).hasCount(0);

        assertEquals(404, page.navigate(carol.baseUrl() + board.taskPath(task)).status());
        APIResponse events = carol.context().request().get(carol.baseUrl() + board.eventsPath(), EVENT_STREAM);
        assertEquals(404, events.status(), "carol's request for the event stream");
    }

    @Test
    void signedOutVisitorGetsUnauthorizedForAnEventStream(Stage stage) {
        Board board = stage.signIn(ALICE).createBoard("Signed-out check");
        BrowserContext anonymous = stage.newContext(new Browser.NewContextOptions());

        APIResponse events = anonymous.request().get(stage.cluster().httpUrl() + board.eventsPath(), EVENT_STREAM);

        assertEquals(401, events.status());
    }
}
