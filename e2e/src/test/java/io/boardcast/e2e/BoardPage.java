package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/** The board page as a person sees it: columns of cards, each card with a move form. */
record BoardPage(Page page, Board board) {

    /** Waits until the event stream is open, so nothing a test does next can happen before it listens. */
    BoardPage awaitLive() {
        assertThat(page.locator("#connection-status")).hasAttribute("data-state", "live");
        return this;
    }

    Locator column(String name) {
        return page.locator("#column-" + board.column(name));
    }

    Locator count(String column) {
        return column(column).locator("h2 .count");
    }

    /** Every card with this id anywhere on the page: more than one would be a duplicate. */
    Locator card(long taskId) {
        return page.locator("li#task-" + taskId);
    }

    Locator cardIn(String column, long taskId) {
        return column(column).locator("li#task-" + taskId);
    }

    Locator cardTitle(long taskId) {
        return card(taskId).locator("a.card-title");
    }

    Locator commentCount(long taskId) {
        return card(taskId).locator(".comment-count");
    }

    void move(long taskId, String toColumn) {
        Locator card = card(taskId);
        card.locator("select[name=columnId]").selectOption(new SelectOption().setLabel(toColumn));
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move")).click();
    }

    void createTask(String title, String column) {
        Locator form = page.locator("section#task-create");
        form.getByLabel("Title").fill(title);
        form.getByLabel("Column").selectOption(new SelectOption().setLabel(column));
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add task")).click();
    }
}
