package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardcast.e2e.User.ALICE;
import static io.boardcast.e2e.User.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A task page follows its task while it is open: Bob's move, edit and deletion (through nginx, on whichever instance
 * serves him) show on Alice's page without a reload, saying who did it; her forms stop working once it is gone.
 */
@ExtendWith(E2eExtension.class)
class TaskPageLiveE2E {

    @Test
    void alicesTaskPageShowsBobsMoveEditAndDeletion(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board board = alice.createBoard("Task page live", BOB);
        long task = alice.createTask(board, "Ship the beta", "To do");
        TaskPage alicesTask = alice.openTask(board, task).awaitLive();
        ScriptErrors errors = ScriptErrors.on(alicesTask.page());
        NoReload marker = NoReload.mark(alicesTask.page());
        Page page = alicesTask.page();

        bob.openBoard(board).move(task, "In progress");
        assertThat(page.locator("#task-" + task + "-summary .column-name")).hasText("In In progress");

        TaskPage bobsTask = bob.openTask(board, task);
        bobsTask.rename("Ship the beta today");
        assertThat(alicesTask.title()).hasText("Ship the beta today");
        assertThat(page.locator("#task-" + task + "-changed")).containsText("bob changed this task");
        assertThat(page.locator("#task-" + task + "-history")).containsText("bob moved");

        bobsTask.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete task")).click();
        assertThat(page.locator("#task-" + task + "-gone")).containsText("bob deleted this task.");
        assertThat(page.locator("#edit-title")).isDisabled();
        assertThat(page.locator("form#comment-form-" + task + " textarea[name=body]")).isDisabled();

        assertEquals(true, marker.stillThere(), "alice's page was reloaded instead of updated");
        assertEquals(List.of(), errors.all());
    }

    @Test
    void onesOwnSaveIsNotReportedAsSomeoneElsesChange(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Board board = alice.createBoard("Own saves", BOB);
        long task = alice.createTask(board, "Write the docs", "To do");
        TaskPage alicesTask = alice.openTask(board, task).awaitLive();
        Object applied = alicesTask.page().evaluate("() => Number(document.getElementById('live').dataset.lastEventId)");

        alicesTask.rename("Write the docs first");

        alicesTask.page().waitForFunction(
                "seq => Number(document.getElementById('live').dataset.lastEventId) > seq", applied);
        assertThat(alicesTask.title()).hasText("Write the docs first");
        assertThat(alicesTask.page().locator("#task-" + task + "-changed")).isEmpty();
    }
}
