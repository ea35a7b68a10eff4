package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A task's page: its summary, the edit form and the comments. */
record TaskPage(Page page, long taskId) {

    TaskPage awaitLive() {
        assertThat(page.locator("#connection-status")).hasAttribute("data-state", "live");
        return this;
    }

    Locator title() {
        return page.locator("#task-" + taskId + "-summary h1");
    }

    Locator comments() {
        return page.locator("ol#comments-" + taskId + " li.comment");
    }

    void comment(String body) {
        Locator form = page.locator("form#comment-form-" + taskId);
        form.locator("textarea[name=body]").fill(body);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Comment")).click();
        // The answer brings the form back empty. Until then the next comment must wait: typed earlier, the pushed
        // copy of this one may already be listed while the answer, arriving later, empties the field under it.
        assertThat(page.locator("form#comment-form-" + taskId + " textarea[name=body]")).hasValue("");
    }

    void rename(String title) {
        page.locator("#edit-title").fill(title);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
    }

    /** Sets a due date this many minutes from now in the browser's own time zone, and an assignee. */
    void reschedule(int minutesFromNow, String assignee) {
        String due = (String) page.evaluate("minutes => { const d = new Date(Date.now() + minutes * 60000);"
                + " const p = n => String(n).padStart(2, '0');"
                + " return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T'"
                + " + p(d.getHours()) + ':' + p(d.getMinutes()); }", minutesFromNow);
        page.locator("#edit-due").fill(due);
        page.locator("#edit-assignee").selectOption(assignee);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
    }

    Locator badge() {
        return page.locator("#task-" + taskId + "-summary .badge");
    }
}
