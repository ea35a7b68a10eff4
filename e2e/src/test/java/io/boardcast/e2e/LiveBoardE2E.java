package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardcast.e2e.User.ALICE;
import static io.boardcast.e2e.User.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Changes reach other people's open pages while they look, through nginx and whichever instance serves them. */
@ExtendWith(E2eExtension.class)
class LiveBoardE2E {

    @Test
    void cardMovedByBobAppearsInAlicesNewColumnWithoutReload(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board board = alice.createBoard("Live moves", BOB);
        long task = alice.createTask(board, "Write release notes", "To do");
        BoardPage alicesBoard = alice.openBoard(board);
        BoardPage bobsBoard = bob.openBoard(board);
        NoReload marker = NoReload.mark(alicesBoard.page());

        bobsBoard.move(task, "Done");

        assertThat(alicesBoard.cardIn("Done", task)).hasCount(1);
        assertThat(alicesBoard.card(task)).hasCount(1);
        assertThat(alicesBoard.count("Done")).hasText("1");
        assertThat(alicesBoard.count("To do")).hasText("0");
        assertEquals(true, marker.stillThere(), "alice's page was reloaded instead of updated");
    }

    @Test
    void commentByBobAppearsOnAlicesTaskPageAndInTheCardsCount(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board board = alice.createBoard("Live comments", BOB);
        long task = alice.createTask(board, "Review the design", "In progress");
        TaskPage alicesTask = alice.openTask(board, task);
        BoardPage alicesBoard = alice.openBoard(board); // a second tab of hers
        TaskPage bobsTask = bob.openTask(board, task);
        NoReload taskMarker = NoReload.mark(alicesTask.page());
        NoReload boardMarker = NoReload.mark(alicesBoard.page());

        bobsTask.comment("Looks good, ship it");

        assertThat(alicesTask.comments()).hasCount(1);
        assertThat(alicesTask.comments()).containsText("Looks good, ship it");
        assertThat(alicesBoard.commentCount(task)).hasText("1");
        assertEquals(true, taskMarker.stillThere() && boardMarker.stillThere(), "alice's pages were reloaded");
    }

    @Test
    void postersOwnCommentShowsOnceAfterItsPushedEventArrivesToo(Stage stage) {
        Visitor bob = stage.signIn(BOB);
        Board board = stage.signIn(ALICE).createBoard("Own comments", BOB);
        long task = bob.createTask(board, "Count me once", "To do");
        TaskPage bobsTask = bob.openTask(board, task);
        Object applied = bobsTask.page().evaluate("() => Number(document.getElementById('live').dataset.lastEventId)");

        bobsTask.comment("Said once");

        // Bob gets his comment in the htmx answer and again from the stream: wait until the stream's copy is applied.
        bobsTask.page().waitForFunction(
                "seq => Number(document.getElementById('live').dataset.lastEventId) > seq", applied);
        assertThat(bobsTask.comments()).hasCount(1);
        assertThat(bobsTask.page().locator("#comments-" + task + "-title")).hasText("Comments (1)");
    }
}
