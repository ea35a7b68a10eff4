package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardcast.e2e.User.ALICE;
import static io.boardcast.e2e.User.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who is here, through nginx and two instances: Bob's presence appears on Alice's open board when he opens it on the
 * other instance and leaves when he closes his tab (within 2 s: the closing page says so); on a task page, his focus
 * in the edit form shows as editing.
 */
@ExtendWith(E2eExtension.class)
class PresenceE2E {

    /** A closed tab must leave within this (the requirement); the page says it is closing, so it needs far less. */
    private static final double LEAVE_WITHIN_MILLIS = 2_000;

    @Test
    void bobsPresenceAppearsAndDisappearsOnAlicesBoard(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board board = alice.createBoard("Who is here", BOB);
        Map<Page, String> streamInstance = new ConcurrentHashMap<>();
        alice.context().onResponse(response -> recordStream(response, streamInstance));
        bob.context().onResponse(response -> recordStream(response, streamInstance));
        BoardPage alicesBoard = alice.openBoard(board);
        ScriptErrors errors = ScriptErrors.on(alicesBoard);
        NoReload marker = NoReload.mark(alicesBoard.page());
        Locator present = alicesBoard.page().getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Viewing now"));
        assertThat(present.getByRole(AriaRole.LISTITEM)).hasCount(1);
        assertThat(present.getByRole(AriaRole.LISTITEM)).containsText("alice (you)"); // her circle, named for her

        BoardPage bobsBoard = openOnTheOtherInstance(bob, board, streamInstance.get(alicesBoard.page()), streamInstance);

        Locator bobThere = present.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("bob"));
        assertThat(bobThere).hasCount(1);
        assertThat(bobThere.locator(".avatar")).hasText("B");
        assertThat(present.getByRole(AriaRole.LISTITEM)).hasCount(2);

        long closed = System.nanoTime();
        bobsBoard.page().close(new Page.CloseOptions().setRunBeforeUnload(true));
        assertThat(bobThere).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(LEAVE_WITHIN_MILLIS));
        System.out.printf("PresenceE2E: bob's closed tab left alice's board after %d ms%n",
                (System.nanoTime() - closed) / 1_000_000);
        assertThat(present.getByRole(AriaRole.LISTITEM)).hasCount(1);
        assertEquals(true, marker.stillThere(), "alice's page was reloaded instead of updated");
        assertEquals(List.of(), errors.all());
    }

    @Test
    void peopleArrivingMoveNothingOnThePage(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board board = alice.createBoard("Nothing moves", BOB);
        alice.createTask(board, "Stay put", "To do");
        Page page = alice.context().newPage();
        // Measured before her own presence arrives: a drag aims at where the cards are, and must not miss.
        page.navigate(alice.baseUrl() + board.path());
        double before = page.locator("#columns").boundingBox().y;
        new BoardPage(page, board).awaitLive();
        Locator present = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Viewing now"));

        bob.openBoard(board);

        assertThat(present.getByRole(AriaRole.LISTITEM)).hasCount(2);
        assertEquals(before, page.locator("#columns").boundingBox().y, 0.5, "the columns moved as people arrived");
    }

    @Test
    void aTabThatVanishesWithoutSayingSoLeavesWithinThirtySeconds(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board board = alice.createBoard("Who vanished", BOB);
        BoardPage alicesBoard = alice.openBoard(board);
        Locator present = alicesBoard.page().getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Viewing now"));
        BoardPage bobsBoard = bob.openBoard(board);
        Locator bobThere = present.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("bob"));
        assertThat(bobThere).hasCount(1);

        // As if the browser crashed: its connections close, but the page never gets to say it is leaving.
        bobsBoard.page().evaluate("() => { navigator.sendBeacon = () => true; }");
        long closed = System.nanoTime();
        bobsBoard.page().close();
        // Its stream's instance notices at a heartbeat (every 15 s) that the connection is gone.
        assertThat(bobThere).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        System.out.printf("PresenceE2E: bob's vanished tab left alice's board after %d ms%n",
                (System.nanoTime() - closed) / 1_000_000);
    }

    @Test
    void bobEditingTheTaskShowsOnAlicesTaskPage(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board board = alice.createBoard("Who edits", BOB);
        long task = alice.createTask(board, "Write the changelog", "To do");
        TaskPage alicesTask = alice.openTask(board, task);
        Locator onTask = alicesTask.page().getByRole(AriaRole.LIST,
                new Page.GetByRoleOptions().setName("On this task now"));
        TaskPage bobsTask = bob.openTask(board, task);
        Locator bobThere = onTask.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("bob"));
        assertThat(bobThere).hasCount(1);
        assertThat(bobThere).not().containsText("editing");

        bobsTask.page().locator("#edit-title").focus();
        assertThat(bobThere).containsText("(editing)");

        bobsTask.page().evaluate("() => document.activeElement.blur()"); // focus leaves the form
        assertThat(bobThere).not().containsText("editing");
        assertThat(bobThere).hasCount(1);
    }

    /** Opens the board for bob until nginx gives his stream to the other instance than alice's. */
    private static BoardPage openOnTheOtherInstance(Visitor bob, Board board, String alicesInstance,
            Map<Page, String> streamInstance) {
        for (int attempt = 0; ; attempt++) {
            BoardPage page = bob.openBoard(board);
            String bobsInstance = streamInstance.get(page.page());
            System.out.printf("PresenceE2E: alice's stream on %s, bob's on %s%n", alicesInstance, bobsInstance);
            if (bobsInstance != null && !bobsInstance.equals(alicesInstance) || attempt == 5) {
                assertNotEquals(alicesInstance, bobsInstance, "bob's stream never reached the other instance");
                return page;
            }
            page.page().close(new Page.CloseOptions().setRunBeforeUnload(true));
        }
    }

    /** nginx names the instance that answered in X-Upstream; recorded for each page's event stream. */
    private static void recordStream(Response response, Map<Page, String> streamInstance) {
        String upstream = response.headerValue("x-upstream");
        if (upstream != null && response.url().contains("/events")) {
            streamInstance.put(response.frame().page(), upstream);
        }
    }
}
