package io.boardcast.e2e;

import com.microsoft.playwright.Page;

/** A mark left in a page's window: gone after a reload, so "updated live" can't pass by reloading. */
final class NoReload {

    private final Page page;

    private NoReload(Page page) {
        this.page = page;
    }

    static NoReload mark(Page page) {
        page.evaluate("window.__boardcastE2eMark = true");
        return new NoReload(page);
    }

    boolean stillThere() {
        return Boolean.TRUE.equals(page.evaluate("window.__boardcastE2eMark === true"));
    }
}
