package io.boardcast.e2e;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Uncaught exceptions and console errors of some pages from now on, for a test to show there were none. */
final class ScriptErrors {

    private final List<String> errors = new CopyOnWriteArrayList<>();

    static ScriptErrors on(BoardPage... pages) {
        ScriptErrors found = new ScriptErrors();
        for (BoardPage page : pages) {
            page.page().onPageError(error -> found.errors.add(page.page().url() + ": " + error));
            page.page().onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    found.errors.add(page.page().url() + ": console: " + message.text());
                }
            });
        }
        return found;
    }

    List<String> all() {
        return List.copyOf(errors);
    }
}
