package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardcast.e2e.User.ALICE;
import static io.boardcast.e2e.User.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The board's activity says who did what, and a change made on the other instance goes on top while Alice reads. */
@ExtendWith(E2eExtension.class)
class ActivityE2E {

    @Test
    void bobsMoveAppearsOnTopOfAlicesActivityPageWithoutReload(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board board = alice.createBoard("Who did what", BOB);
        long task = alice.createTask(board, "Ship the beta", "To do");
        Page page = alice.open(board.path() + "/activity");
        assertThat(page.locator("#connection-status")).hasAttribute("data-state", "live");
        ScriptErrors errors = ScriptErrors.on(page);
        NoReload marker = NoReload.mark(page);
        Locator lines = page.locator("#activity-list > li");
        assertThat(lines).hasCount(1);
        assertThat(lines.first()).containsText("alice created Ship the beta in To do");

        bob.openBoard(board).move(task, "In progress");

        assertThat(lines).hasCount(2);
        assertThat(lines.first()).containsText("bob moved Ship the beta from To do to In progress");
        assertThat(lines.first()).containsText("just now");
        assertThat(lines.first().locator("a.title")).hasAttribute("href", board.taskPath(task));
        assertEquals(true, marker.stillThere(), "alice's activity page was reloaded instead of updated");
        assertEquals(List.of(), errors.all());
    }
}
