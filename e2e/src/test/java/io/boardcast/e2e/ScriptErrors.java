package io.boardcast.e2e;

import com.microsoft.playwright.Page;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Uncaught exceptions and console errors of some pages from now on, for a test to show there were none. */
final class ScriptErrors {

    private final List<String> errors = new CopyOnWriteArrayList<>();

    static ScriptErrors on(BoardPage... pages) {
        return on(Arrays.stream(pages).map(BoardPage::page).toArray(Page[]::new));
    }

    static ScriptErrors on(Page... pages) {
        ScriptErrors found = new ScriptErrors();
        for (Page page : pages) {
            page.onPageError(error -> found.errors.add(page.url() + ": " + error));
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    found.errors.add(page.url() + ": console: " + message.text());
                }
            });
        }
        return found;
    }

    List<String> all() {
        return List.copyOf(errors);
    }
}
