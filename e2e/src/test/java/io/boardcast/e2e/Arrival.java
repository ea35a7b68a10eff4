package io.boardcast.e2e;

import java.util.Arrays;
import java.util.List;

/**
 * When a column of an open board first showed exactly the given cards in the given order, by the browser's clock
 * (epoch milliseconds; every browser here runs on the same machine, so times from two pages compare).
 */
final class Arrival {

    private final BoardPage page;

    private Arrival(BoardPage page) {
        this.page = page;
    }

    /** Starts watching the column's list; call before the change is made. */
    static Arrival watch(BoardPage page, String column, long... taskIds) {
        List<String> ids = Arrays.stream(taskIds).mapToObj(id -> "task-" + id).toList();
        page.page().evaluate("([list, ids]) => { window.__boardcastE2eArrivedAt = null;"
                + " const element = document.getElementById(list);"
                + " const observer = new MutationObserver(() => {"
                + "     const now = Array.from(element.children).map(child => child.id);"
                + "     if (now.length === ids.length && now.every((id, i) => id === ids[i])) {"
                + "         window.__boardcastE2eArrivedAt = Date.now(); observer.disconnect(); } });"
                + " observer.observe(element, {childList: true}); }",
                List.of("column-" + page.board().column(column) + "-cards", ids));
        return new Arrival(page);
    }

    /** The time it arrived; fails if it has not (assert the order first, which waits for it). */
    long at() {
        Object at = page.page().evaluate("() => window.__boardcastE2eArrivedAt");
        if (!(at instanceof Number number)) {
            throw new AssertionError("The order never showed on the watched page");
        }
        return number.longValue();
    }
}
