package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardcast.e2e.User.ALICE;
import static io.boardcast.e2e.User.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Alice mentions bob in a comment while bob looks at another page (the boards list, served by whichever instance):
 * a toast and his bell tell him at once, and the toast takes him to the comment, where his name is highlighted.
 * Comments are Markdown: bold shows bold, a script shows as text and runs nothing.
 */
@ExtendWith(E2eExtension.class)
class MentionE2E {

    @Test
    void aMentionReachesTheOtherPersonsOpenPageAsAToastAndRingsTheirBell(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board board = alice.createBoard("Mentions", BOB);
        long task = alice.createTask(board, "Review the copy", "To do");
        Page bobsList = bob.open("/boards");
        ScriptErrors errors = ScriptErrors.on(bobsList);
        assertThat(bobsList.locator("#live.personal")).hasCount(1);
        assertThat(bobsList.locator("[sse-connect]")).hasCount(1);
        int unread = unread(bobsList);
        TaskPage alicesTask = alice.openTask(board, task);

        alicesTask.comment("@bob look at the second paragraph");

        Locator toast = bobsList.locator("#toasts .toast.mentioned");
        assertThat(toast).hasCount(1);
        assertThat(toast).containsText("alice mentioned you on Review the copy");
        assertThat(bobsList.locator("#bell .unread")).hasText(Integer.toString(unread + 1));
        assertThat(bobsList.locator("#bell")).hasAttribute("aria-label", "Notifications, " + (unread + 1) + " unread");
        assertThat(alicesTask.comments().last().locator(".mention")).hasText("@bob");

        toast.getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
        assertThat(bobsList).hasURL(Pattern.compile(".*" + board.taskPath(task) + "#comment-\\d+$"));
        assertThat(bobsList.locator(".comment-body .mention")).hasText("@bob");
        assertThat(bobsList.locator("[sse-connect]")).hasCount(1);
        assertEquals(List.of(), errors.all());
    }

    @Test
    void aMarkdownCommentRendersAndAScriptCommentShowsAsTextAndRunsNothing(Stage stage) {
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        Board board = alice.createBoard("Markdown comments", BOB);
        long task = alice.createTask(board, "Formatting", "To do");
        TaskPage bobsTask = bob.openTask(board, task);
        TaskPage alicesTask = alice.openTask(board, task);
        List<String> dialogs = new CopyOnWriteArrayList<>();
        for (TaskPage page : List.of(bobsTask, alicesTask)) {
            page.page().onDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
        }

        alicesTask.comment("This is **bold** news");
        // The answer swaps the form back empty: the next comment is typed into that one.
        assertThat(alicesTask.comments()).hasCount(1);
        alicesTask.comment("<script>alert('xss')</script>");

        for (TaskPage page : List.of(bobsTask, alicesTask)) {
            assertThat(page.comments()).hasCount(2);
            assertThat(page.comments().nth(0).locator(".comment-body strong")).hasText("bold");
            assertThat(page.comments().nth(1).locator(".comment-body")).hasText("<script>alert('xss')</script>");
            assertEquals(0, page.comments().nth(1).locator("script").count());
        }
        bobsTask.page().reload();
        assertThat(bobsTask.comments().nth(1).locator(".comment-body")).hasText("<script>alert('xss')</script>");
        assertEquals(List.of(), dialogs);
    }

    private static int unread(Page page) {
        Locator count = page.locator("#bell .unread");
        return count.count() == 0 ? 0 : Integer.parseInt(count.textContent().strip());
    }
}
