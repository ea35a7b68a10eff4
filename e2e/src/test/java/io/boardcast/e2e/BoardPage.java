package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;

/**
 * The board page as a person sees it: columns of cards, each card with a move form, a drag handle and keyboard moves
 * for editors. Columns are found by the id they had when the board was made ({@link Board}), so a renamed column is
 * still found by its first name; a column added later only by its name ({@link #columnNames()}).
 */
record BoardPage(Page page, Board board) {

    /** Waits until the event stream is open, so nothing a test does next can happen before it listens. */
    BoardPage awaitLive() {
        assertThat(page.locator("#connection-status")).hasAttribute("data-state", "live");
        return this;
    }

    /** The sequence number of the last board event this page applied. */
    long lastEventId() {
        return ((Number) page.evaluate("() => Number(document.getElementById('live').dataset.lastEventId)")).longValue();
    }

    /** Waits until the page has applied a board event after {@code sequence}, e.g. the echo of its own change. */
    void awaitEventAfter(long sequence) {
        page.waitForFunction("seq => Number(document.getElementById('live').dataset.lastEventId) > seq",
                (double) sequence); // Playwright's arguments have no long
    }

    Locator column(String name) {
        return page.locator("#column-" + board.column(name));
    }

    /** The column's count of cards (with its limit), and the class {@code over-limit}. */
    Locator count(String column) {
        return column(column).locator("h2 .count");
    }

    /** The column's header: name and count. */
    Locator header(String column) {
        return page.locator("#column-" + board.column(column) + "-header");
    }

    /** The titles of a column's cards, top to bottom. */
    Locator cardTitles(String column) {
        return page.locator("#column-" + board.column(column) + "-cards > li.card a.card-title");
    }

    /** The names of the board's columns, left to right. */
    Locator columnNames() {
        return page.locator("#columns > section.column > h2.column-header > span[id$='-name']");
    }

    Locator dragHandles() {
        return page.locator("#columns .drag-handle");
    }

    Locator columnHandles() {
        return page.locator("#columns .column-handle");
    }

    /** The message about the last thing this page did (a move over a column's limit, a conflict). */
    Locator flash() {
        return page.locator("#flash");
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

    /** From now on keeps every text the page's live region ({@code #announcer}) is given, for {@link #awaitAnnounced}. */
    BoardPage recordAnnouncements() {
        page.evaluate("() => { window.__boardcastE2eAnnounced = [];"
                + " const announcer = document.getElementById('announcer');"
                + " new MutationObserver(() => window.__boardcastE2eAnnounced.push(announcer.textContent))"
                + "     .observe(announcer, {childList: true, characterData: true, subtree: true}); }");
        return this;
    }

    /**
     * Waits until the live region has said exactly this since {@link #recordAnnouncements()}: later announcements
     * (the board's own "Task moved" for the same move) may already have replaced it.
     */
    void awaitAnnounced(String text) {
        page.waitForFunction("text => window.__boardcastE2eAnnounced.includes(text)", text);
    }

    /** Moves a card within its column through its move form: {@code position} 0 is the top, null the bottom. */
    void reorder(long taskId, Integer position) {
        Locator card = card(taskId);
        card.locator("input[name=position]").fill(position == null ? "" : position.toString());
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move")).click();
    }

    /** Focuses the card's title link and presses each key in turn, e.g. "Alt+ArrowRight". */
    void pressOnCard(long taskId, String... keys) {
        cardTitle(taskId).focus();
        for (String key : keys) {
            page.keyboard().press(key);
        }
    }

    /**
     * Drags a card by its handle with the mouse so that it lands at {@code index} (0-based) of {@code toColumn}, and
     * drops it there. SortableJS runs in fallback mode (pointer events, no HTML5 drag and drop), so this moves the
     * pointer the way a hand would: along the source column to the height of the target slot, then sideways into the
     * target column, and releases only once Sortable shows the card in that slot. Returns when the drop happened, in
     * the browser's epoch milliseconds.
     */
    long drag(long taskId, String toColumn, int index) {
        Locator handle = card(taskId).locator(".drag-handle");
        handle.scrollIntoViewIfNeeded();
        String list = "column-" + board.column(toColumn) + "-cards";
        Locator cards = page.locator("#" + list + " > li.card");
        List<BoundingBox> slots = cards.all().stream().map(Locator::boundingBox).toList();
        int from = ids(cards).indexOf("task-" + taskId);
        BoundingBox start = handle.boundingBox();
        double x = start.x + start.width / 2;
        double y = start.y + start.height / 2;
        double toX;
        double toY;
        if (from >= 0) {
            // Within its column Sortable swaps the card with each one the pointer passes: stop inside the slot it
            // takes, on the side it comes from, where the card itself sits once moved.
            BoundingBox slot = slots.get(index);
            toX = x;
            toY = index < from ? slot.y + slot.height / 4 : slot.y + slot.height * 3 / 4;
        } else {
            // From another column it goes before a card whose upper half is under the pointer, after one whose lower
            // half is: aim at the upper quarter of the card now at the index, or the lower quarter of the last.
            BoundingBox slot = slots.get(Math.min(index, slots.size() - 1));
            toX = slot.x + slot.width / 2;
            toY = index < slots.size() ? slot.y + slot.height / 4 : slot.y + slot.height * 3 / 4;
        }
        page.mouse().move(x, y);
        page.mouse().down();
        page.mouse().move(x, y + 6, steps(3)); // past Sortable's tolerance: the drag starts
        page.mouse().move(x, toY, steps(10)); // along its own column, to the slot's height
        page.mouse().move(toX, toY, steps(10)); // then sideways into the target column
        awaitSlot(list, "task-" + taskId, index, toX, toY);
        return release();
    }

    /**
     * Drags a column by the handle in its header to {@code index} (0-based, left to right) and drops it there; the
     * same rule as for a card within its column.
     */
    long dragColumn(String column, int index) {
        Locator handle = header(column).locator(".column-handle");
        handle.scrollIntoViewIfNeeded();
        Locator columns = page.locator("#columns > section.column");
        List<BoundingBox> slots = columns.all().stream().map(Locator::boundingBox).toList();
        int from = ids(columns).indexOf("column-" + board.column(column));
        BoundingBox start = handle.boundingBox();
        double x = start.x + start.width / 2;
        double y = start.y + start.height / 2;
        BoundingBox slot = slots.get(index);
        double toX = index < from ? slot.x + slot.width / 4 : slot.x + slot.width * 3 / 4;
        page.mouse().move(x, y);
        page.mouse().down();
        page.mouse().move(x + (index < from ? -6 : 6), y, steps(3));
        page.mouse().move(toX, y, steps(15));
        awaitSlot("columns", "column-" + board.column(column), index, toX, y);
        return release();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Locator elements) {
        return (List<String>) elements.evaluateAll("elements => elements.map(element => element.id)");
    }

    private static Mouse.MoveOptions steps(int steps) {
        return new Mouse.MoveOptions().setSteps(steps);
    }

    /**
     * Waits until Sortable shows the dragged element at index of the list (its floating copy left out). Sortable
     * ignores the pointer while a swap it just made still animates, and a hand at rest sends no more events: so, as a
     * hand would, the pointer stirs a pixel at the target now and then until the element is in its slot.
     */
    private void awaitSlot(String listId, String elementId, int index, double x, double y) {
        String inSlot = "([list, id, index]) => {"
                + " const children = Array.from(document.getElementById(list).children)"
                + "     .filter(child => !child.classList.contains('sortable-fallback'));"
                + " return children[index] !== undefined && children[index].id === id; }";
        Page.WaitForFunctionOptions briefly = new Page.WaitForFunctionOptions().setTimeout(1_000);
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                page.waitForFunction(inSlot, List.of(listId, elementId, index), briefly);
                return;
            } catch (TimeoutError notYet) {
                page.mouse().move(x, y + (attempt % 2 == 0 ? 1 : -1));
            }
        }
        page.waitForFunction(inSlot, List.of(listId, elementId, index));
    }

    private long release() {
        // A mouse drag ends in the browser's own drop (dragend), a touch drag in Sortable's fallback (pointerup).
        page.evaluate("() => { window.__boardcastE2eDroppedAt = undefined; ['pointerup', 'drop', 'dragend'].forEach(type =>"
                + " document.addEventListener(type, () => { window.__boardcastE2eDroppedAt ??= Date.now(); },"
                + " {once: true, capture: true})); }");
        page.mouse().up();
        return ((Number) page.evaluate("() => window.__boardcastE2eDroppedAt")).longValue();
    }

    void createTask(String title, String column) {
        Locator form = page.locator("section#task-create");
        form.getByLabel("Title").fill(title);
        form.getByLabel("Column").selectOption(new SelectOption().setLabel(column));
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add task")).click();
    }
}
