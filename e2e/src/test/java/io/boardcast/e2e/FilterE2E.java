package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardcast.e2e.User.ALICE;
import static io.boardcast.e2e.User.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.boardcast.testsupport.WebSession;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A board narrowed by its filter bar stays narrowed while others change it: a card that starts to match arrives, one
 * that stops matching leaves; and the filtered URL is a plain link that works without JavaScript.
 */
@ExtendWith(E2eExtension.class)
class FilterE2E {

    @Test
    void aliceFiltersByLabelAndBobsMatchingCardArrivesWhileHisUnlabelledOneLeaves(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board board = alice.createBoard("Bug triage", BOB);
        long bug = label(alice, board, "Bug");
        long crash = alice.createTask(board, "Crash on save", "To do");
        labelled(alice, board, crash, "Crash on save", bug);
        long typo = alice.createTask(board, "Typo in the footer", "To do");
        BoardPage alicesBoard = alice.openBoard(board);
        Page page = alicesBoard.page();
        ScriptErrors errors = ScriptErrors.on(alicesBoard);

        page.locator("#filter-label").selectOption("Bug");

        assertThat(page).hasURL(Pattern.compile(".*/boards/" + board.id() + "\\?.*label=Bug.*"));
        assertThat(alicesBoard.cardTitles("To do")).hasText(new String[] {"Crash on save"});
        assertThat(alicesBoard.card(typo)).hasCount(0);
        alicesBoard.awaitLive();
        NoReload marker = NoReload.mark(page);

        BoardPage bobsBoard = bob.openBoard(board);
        Locator create = bobsBoard.page().locator("section#task-create");
        create.getByLabel("Title").fill("Crash on load");
        create.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Bug")).check();
        create.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add task")).click();
        assertThat(alicesBoard.cardTitles("To do")).hasText(new String[] {"Crash on save", "Crash on load"});

        TaskPage bobsTask = bob.openTask(board, crash);
        Page bobsPage = bobsTask.page();
        bobsPage.locator("#task-" + crash + "-detail").getByRole(AriaRole.CHECKBOX,
                new Locator.GetByRoleOptions().setName("Bug")).uncheck();
        bobsPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(alicesBoard.card(crash)).hasCount(0);
        assertThat(alicesBoard.cardTitles("To do")).hasText(new String[] {"Crash on load"});

        long seen = alicesBoard.lastEventId();
        bob.createTask(board, "Unlabelled chore", "To do");
        alicesBoard.awaitEventAfter(seen);
        assertThat(alicesBoard.cardTitles("To do")).hasText(new String[] {"Crash on load"});
        assertEquals(true, marker.stillThere(), "alice's page was reloaded instead of updated");
        assertEquals(List.of(), errors.all());
    }

    @Test
    void aFilteredUrlOpenedWithoutJavaScriptShowsExactlyTheMatchingCards(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Board board = alice.createBoard("Invoices");
        long paid = alice.createTask(board, "Pay the printer invoice", "To do");
        alice.createTask(board, "Order paper", "To do");
        long other = alice.createTask(board, "Chase invoice 42", "Done");
        alice.http().post(board.taskPath(other) + "/comments", Map.of("body", "see the INVOICE thread"));
        long commented = alice.createTask(board, "Call the bank", "Done");
        alice.http().post(board.taskPath(commented) + "/comments", Map.of("body", "about the invoice"));

        Visitor noScript = stage.signInWithoutJavaScript(ALICE);
        Page page = noScript.open(board.path() + "?q=invoice");

        assertThat(page.locator("li.card a.card-title")).hasText(
                new String[] {"Pay the printer invoice", "Chase invoice 42", "Call the bank"});
        assertThat(page.locator("#filter-q")).hasValue("invoice");
        assertThat(page.locator("#filter-status")).containsText("Showing only the cards that match the filter.");

        page.locator("#filter-q").fill("printer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page).hasURL(Pattern.compile(".*\\?q=printer.*"));
        assertThat(page.locator("li.card a.card-title")).hasText(new String[] {"Pay the printer invoice"});
        assertThat(page.locator("li#task-" + paid)).hasCount(1);
    }

    /** A label on the board, made over HTTP; its id. */
    private static long label(Visitor owner, Board board, String name) {
        owner.http().post(board.path() + "/labels", Map.of("name", name, "color", "RED"));
        List<Long> ids = WebSession.ids(owner.http().get(board.path() + "/labels").body(), "label-settings");
        return ids.get(ids.size() - 1);
    }

    @Test
    void aCardBobMovesLandsInItsSlotAmongTheCardsAlicesFilteredBoardShows(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board board = alice.createBoard("Filtered moves", BOB);
        long bug = label(alice, board, "Bug");
        long crash = alice.createTask(board, "Crash on save", "To do");
        labelled(alice, board, crash, "Crash on save", bug);
        alice.createTask(board, "Water the plants", "In progress");
        long leak = alice.createTask(board, "Memory leak", "In progress");
        labelled(alice, board, leak, "Memory leak", bug);
        BoardPage alicesBoard = alice.openBoard(board);
        alicesBoard.page().locator("#filter-label").selectOption("Bug");
        assertThat(alicesBoard.page()).hasURL(Pattern.compile(".*/boards/" + board.id() + "\\?.*label=Bug.*"));
        assertThat(alicesBoard.cardTitles("In progress")).hasText(new String[] {"Memory leak"});
        alicesBoard.awaitLive();
        BoardPage bobsBoard = bob.openBoard(board);
        ScriptErrors errors = ScriptErrors.on(alicesBoard, bobsBoard);

        // Bob's board: [Water the plants, Crash on save, Memory leak]; Alice's shows the two with the label.
        moveTo(bobsBoard, crash, "In progress", 1);
        assertThat(bobsBoard.cardTitles("In progress")).hasText(
                new String[] {"Water the plants", "Crash on save", "Memory leak"});
        assertThat(alicesBoard.cardTitles("In progress")).hasText(new String[] {"Crash on save", "Memory leak"});
        assertThat(alicesBoard.cardTitles("To do")).hasCount(0);
        assertThat(alicesBoard.count("In progress")).hasText("3"); // counts count every card

        moveTo(bobsBoard, crash, "In progress", 2);
        assertThat(alicesBoard.cardTitles("In progress")).hasText(new String[] {"Memory leak", "Crash on save"});
        assertThat(alicesBoard.card(crash).locator("select[name=columnId] option:checked")).hasText("In progress");
        assertEquals(List.of(), errors.all());
    }

    /** Moves a card through its move form to a column and a position there (0 is the top). */
    private static void moveTo(BoardPage board, long taskId, String column, int position) {
        Locator card = board.card(taskId);
        card.locator("select[name=columnId]").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel(column));
        card.locator("input[name=position]").fill(Integer.toString(position));
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move")).click();
    }

    private static void labelled(Visitor owner, Board board, long taskId, String title, long labelId) {
        owner.http().post(board.taskPath(taskId), Map.of("title", title, "labelIds", Long.toString(labelId),
                "version", "0"));
    }
}
