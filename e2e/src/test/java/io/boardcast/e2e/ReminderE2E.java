package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardcast.e2e.User.ALICE;
import static io.boardcast.e2e.User.BOB;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A reminder falls due while alice and bob look at the board: both see it at once, and bob keeps it. */
@ExtendWith(E2eExtension.class)
class ReminderE2E {

    @Test
    void dueSoonReminderShowsBothViewersAToastAndABadgeAndWaitsInTheAssigneesNotifications(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board board = alice.createBoard("Reminders", BOB);
        long task = alice.createTask(board, "Write spec", "To do");
        BoardPage alicesBoard = alice.openBoard(board);
        TaskPage bobsTask = bob.openTask(board, task);

        bobsTask.reschedule(120, BOB.username());

        assertThat(alicesBoard.page().locator("#toasts .toast")).hasCount(1);
        assertThat(alicesBoard.page().locator("#toasts .toast")).containsText("'Write spec' is due in 2 h");
        assertThat(alicesBoard.card(task).locator(".badge")).hasText("Due soon");
        assertThat(bobsTask.page().locator("#toasts .toast")).containsText("'Write spec' is due in 2 h");
        assertThat(bobsTask.badge()).hasText("Due soon");

        bobsTask.page().reload();
        assertThat(bobsTask.page().locator(".bell .unread")).hasText("1");
        bobsTask.page().locator(".bell").click();
        assertThat(bobsTask.page().locator(".notification.unread")).containsText("Write spec is due soon");
    }

    @Test
    void aReminderForAlicesTaskOnAnotherBoardReachesTheBoardSheIsLookingAt(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board looking = alice.createBoard("Where alice is");
        Board other = alice.createBoard("Where the task is", BOB);
        long task = alice.createTask(other, "File the taxes", "To do");
        BoardPage alicesBoard = alice.openBoard(looking).awaitLive();

        bob.openTask(other, task).reschedule(120, ALICE.username());

        Locator toasts = alicesBoard.page().locator("#toasts .toast");
        assertThat(toasts.filter(new Locator.FilterOptions().setHasText("bob assigned you to"))).hasCount(1);
        assertThat(toasts.filter(new Locator.FilterOptions().setHasText("'File the taxes' is due in 2 h")))
                .hasCount(1);
        assertThat(alicesBoard.page().locator(".bell .unread")).hasText("2");
    }
}
