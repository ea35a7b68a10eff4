package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardcast.e2e.User.ALICE;
import static io.boardcast.e2e.User.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One's own move can be taken back for ten seconds from its toast; everyone sees the card go back. */
@ExtendWith(E2eExtension.class)
class UndoE2E {

    @Test
    void aMoveIsUndoneFromItsToastAndTheOtherBrowserSeesTheCardGoBack(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board board = alice.createBoard("Undo a move", BOB);
        long task = alice.createTask(board, "Ship the beta", "To do");
        BoardPage alicesBoard = alice.openBoard(board).awaitLive();
        BoardPage bobsBoard = bob.openBoard(board).awaitLive();
        ScriptErrors errors = ScriptErrors.on(alicesBoard, bobsBoard);

        alicesBoard.move(task, "Done");
        assertThat(bobsBoard.cardIn("Done", task)).hasCount(1);
        Locator toast = alicesBoard.page().locator("#undo-offers .toast.undo");
        assertThat(toast).containsText("Moved \u201cShip the beta\u201d to Done.");

        toast.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo")).click();

        assertThat(alicesBoard.cardIn("To do", task)).hasCount(1);
        assertThat(bobsBoard.cardIn("To do", task)).hasCount(1);
        assertThat(bobsBoard.count("Done")).hasText("0");
        assertThat(alicesBoard.page().locator("#undo-offers")).containsText("Undone: \u201cShip the beta\u201d is as it was.");
        assertEquals(List.of(), errors.all());
    }

    @Test
    void theOfferGoesAwayAfterTenSeconds(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Board board = alice.createBoard("Undo expires", BOB);
        long task = alice.createTask(board, "Write notes", "To do");
        BoardPage alicesBoard = alice.openBoard(board).awaitLive();

        alicesBoard.move(task, "In progress");
        Locator toast = alicesBoard.page().locator("#undo-offers .toast.undo");
        assertThat(toast).hasCount(1);

        assertThat(toast).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(15_000));
    }
}
