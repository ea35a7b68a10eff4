package io.boardcast.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardcast.e2e.User.ALICE;
import static io.boardcast.e2e.User.BOB;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.boardcast.testsupport.WebSession;
import io.boardcast.testsupport.XssCorpus;
import com.microsoft.playwright.Browser;
import java.util.LinkedHashMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every payload of the XSS corpus ({@code xss-corpus.txt} in test-support) goes through every text field a person can
 * fill in (board name, column name, task title, description, comment, label name, checklist item), some through the
 * real forms and all over HTTP, while bob watches the board and the task live on whichever instance serves him; then
 * everyone reloads; and each comes back in the address of a filtered board and of a search. Nothing
 * runs: no dialog opens, {@code window.__xss} (which the payloads set) stays unset, no element that could run or load
 * something is in any page, and the Content-Security-Policy had nothing to block.
 */
@ExtendWith(E2eExtension.class)
class XssCorpusE2E {

    /** Before any page script: CSP reports. */
    private static final String RECORD_VIOLATIONS = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', e =>"
            + " window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));";

    /**
     * Elements and attributes a payload could have smuggled in: inline scripts anywhere, and in the body anything that
     * loads or embeds, an event handler or htmx handler, a script or data URL.
     */
    private static final String INJECTED = """
            () => {
              const found = [];
              const show = el => el.outerHTML.slice(0, 160);
              document.querySelectorAll('script:not([src])').forEach(el => found.push(show(el)));
              for (const el of document.body.querySelectorAll('*')) {
                if (el.matches('iframe, frame, object, embed, img, svg, math, video, audio, source, style, link, meta,'
                    + ' base, input[autofocus], details[ontoggle]')) {
                  found.push(show(el));
                }
                for (const a of el.attributes) {
                  if (/^on/i.test(a.name) || /^hx-on/i.test(a.name) || a.name === 'srcdoc'
                      || (/^(href|src|action|formaction|data|xlink:href)$/i.test(a.name)
                          && /^\\s*(javascript|data|vbscript):/i.test(a.value))) {
                    found.push(show(el));
                  }
                }
              }
              return found;
            }""";

    private static final Pattern TASK_VERSION = Pattern.compile("id=\"version\" name=\"version\" value=\"(\\d+)\"");

    @Test
    void noPayloadRunsInAnyFieldLiveOrAfterReload(Stage stage) {
        List<String> payloads = XssCorpus.payloads();
        Visitor alice = stage.signIn(ALICE);
        Visitor bob = stage.signIn(BOB);
        List<String> dialogs = new CopyOnWriteArrayList<>();
        List<String> pageErrors = new CopyOnWriteArrayList<>();
        for (Visitor visitor : List.of(alice, bob)) {
            watch(visitor.context(), dialogs, pageErrors);
        }
        Board board = alice.createBoard("XSS corpus", BOB);
        long task = alice.createTask(board, "Target", "To do");
        long column = board.column("In progress");
        BoardPage bobsBoard = bob.openBoard(board);
        TaskPage bobsTask = bob.openTask(board, task);
        NoReload boardMarker = NoReload.mark(bobsBoard.page());
        NoReload taskMarker = NoReload.mark(bobsTask.page());

        // A few through the real forms, in alice's browser.
        // (The edit comes first: a comment changes the task's version, so it would make the open edit form stale.)
        TaskPage alicesTask = alice.openTask(board, task);
        alicesTask.page().locator("#edit-description").fill(payloads.get(3));
        alicesTask.rename(payloads.get(4));
        assertThat(alicesTask.page().locator("#task-" + task + "-summary .description")).hasText(payloads.get(3));
        List<String> typed = payloads.subList(0, 3);
        for (int i = 0; i < typed.size(); i++) {
            alicesTask.comment(typed.get(i));
            assertThat(alicesTask.comments()).hasCount(i + 1);
        }
        ColumnsPage alicesColumns = alice.openColumns(board);
        alicesColumns.add(fit(payloads.get(5), 60));
        assertThat(alicesColumns.names()).hasCount(4);

        // Every payload through every field, over HTTP (CSRF and all) through nginx.
        WebSession http = alice.http();
        Versioned taskEdit = new Versioned(http, board.taskPath(task), board.taskPath(task), TASK_VERSION);
        Versioned columnEdit = new Versioned(http, board.path() + "/columns/" + column, board.path() + "/columns",
                Pattern.compile("action=\"" + Pattern.quote(board.path() + "/columns/" + column)
                        + "\".*?name=\"version\" value=\"(\\d+)\"", Pattern.DOTALL));
        expectRedirect(http.post(board.path() + "/labels", Map.of("name", "Label", "color", "RED")), "label");
        long label = WebSession.ids(http.get(board.path() + "/labels").body(), "label-settings").get(0);
        Versioned labelEdit = new Versioned(http, board.path() + "/labels/" + label, board.path() + "/labels",
                Pattern.compile("action=\"" + Pattern.quote(board.path() + "/labels/" + label)
                        + "\".*?name=\"version\" value=\"(\\d+)\"", Pattern.DOTALL));
        expectRedirect(http.post(board.taskPath(task) + "/checklist", Map.of("text", "Item")), "checklist item");
        long item = WebSession.ids(http.get(board.taskPath(task)).body(), "checklist-item").get(0);
        for (String payload : payloads) {
            expectRedirect(labelEdit.post(Map.of("name", fit(payload, 30), "color", "BLUE")), "label " + payload);
            if (fit(payload, 200).chars().noneMatch(Character::isISOControl)) { // refused inline, like a blank one
                expectRedirect(http.post(board.taskPath(task) + "/checklist/" + item, Map.of("text", fit(payload, 200))),
                        "checklist item " + payload);
            }
            expectRedirect(http.post(board.path() + "/tasks", Map.of("title", payload, "description", payload,
                    "columnId", Long.toString(board.column("To do")))), "task " + payload);
            expectRedirect(http.post(board.taskPath(task) + "/comments", Map.of("body", payload)),
                    "comment " + payload);
            taskEdit.changedElsewhere(); // the comment
            expectRedirect(taskEdit.post(Map.of("title", payload, "description", payload, "assignee", "",
                    "labelIds", Long.toString(label))),
                    "edit " + payload);
            expectRedirect(http.post(board.path() + "/name", Map.of("name", fit(payload, 100))),
                    "board name " + payload);
            expectRedirect(columnEdit.post(Map.of("name", fit(payload, 60))), "column name " + payload);
        }
        String last = payloads.get(payloads.size() - 1);

        // Bob saw it all arrive live.
        assertThat(bobsTask.comments()).hasCount(typed.size() + payloads.size());
        assertThat(bobsTask.title()).hasText(last);
        assertThat(bobsBoard.page().locator("li.card")).hasCount(1 + payloads.size());
        assertThat(bobsBoard.columnNames()).containsText(new String[] {"To do", fit(last, 60), "Done",
                fit(payloads.get(5), 60)});
        assertAll(
                () -> assertTrue(boardMarker.stillThere() && taskMarker.stillThere(), "bob's pages were reloaded"),
                () -> assertClean(bobsBoard.page(), "bob's live board"),
                () -> assertClean(bobsTask.page(), "bob's live task page"),
                () -> assertClean(alicesTask.page(), "alice's task page"));

        // And after a reload, on every page that shows these fields. Alice's pages one at a time: each holds its
        // event stream, and over HTTP/1.1 a browser has six connections per host.
        alicesTask.page().close();
        alicesColumns.page().close();
        bobsBoard.page().reload();
        bobsTask.page().reload();
        assertThat(bobsTask.comments()).hasCount(Math.min(50, typed.size() + payloads.size()));
        assertAll(
                () -> assertClean(bobsBoard.page(), "bob's board, reloaded"),
                () -> assertClean(bobsTask.page(), "bob's task page, reloaded"));
        Page reflected = alice.open("/boards");
        for (String path : List.of("/boards", board.path() + "/members", board.path() + "/columns",
                board.path() + "/labels", "/notifications")) {
            reflected.navigate(alice.baseUrl() + path);
            assertClean(reflected, path);
        }

        // Typed into the filter bar or the search box, each comes back in the page the address names.
        for (String payload : payloads) {
            String query = "?q=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
            for (String path : List.of(board.path() + query, "/search" + query)) {
                reflected.navigate(alice.baseUrl() + path);
                assertClean(reflected, path);
            }
        }
        assertAll(
                () -> assertEquals(List.of(), dialogs, "dialogs opened"),
                () -> assertEquals(List.of(), pageErrors, "script errors"));
    }

    @Test
    void theProbeFindsInjectedElementsWhenThereAreSome(Stage stage) {
        Page page = stage.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(true)).newPage();
        page.setContent("<p>ok</p><b onclick=\"x\">handler</b><a href=\" javascript:x\">link</a><svg></svg>"
                + "<script>window.__inline = 1</script>");

        assertEquals(4, ((List<?>) page.evaluate(INJECTED)).size(), String.valueOf(page.evaluate(INJECTED)));
    }

    private static void watch(BrowserContext context, List<String> dialogs, List<String> pageErrors) {
        context.addInitScript(RECORD_VIOLATIONS);
        context.onDialog(dialog -> {
            dialogs.add(dialog.type() + ": " + dialog.message());
            dialog.dismiss();
        });
        context.onPage(page -> page.onPageError(error -> pageErrors.add(page.url() + ": " + error)));
    }

    /** Nothing ran, nothing is there that could, and the policy blocked nothing (so nothing even tried). */
    private static void assertClean(Page page, String what) {
        assertAll(what,
                () -> assertEquals(null, page.evaluate("() => window.__xss ?? null"), what + ": window.__xss"),
                () -> assertEquals(List.of(), page.evaluate(INJECTED), what + ": injected elements"),
                () -> assertEquals(List.of(), page.evaluate("() => window.__cspViolations"),
                        what + ": blocked by the policy"));
    }

    private static void expectRedirect(WebSession.Answer answer, String what) {
        assertEquals(302, answer.status(), what + " was not accepted: " + answer.body());
    }

    /**
     * Posts to a form that carries a version: counts the version along (each accepted post is the next one), and
     * reads it from the page only when the count is off (a 409), so the loop doesn't fetch a page per post.
     */
    private static final class Versioned {

        private final WebSession http;
        private final String action;
        private final String page;
        private final Pattern version;
        private long next = -1;

        Versioned(WebSession http, String action, String page, Pattern version) {
            this.http = http;
            this.action = action;
            this.page = page;
            this.version = version;
        }

        void changedElsewhere() {
            if (next >= 0) {
                next++;
            }
        }

        WebSession.Answer post(Map<String, String> fields) {
            if (next < 0) {
                next = read();
            }
            WebSession.Answer answer = http.post(action, with(fields));
            if (answer.status() == 409) {
                next = read();
                answer = http.post(action, with(fields));
            }
            next++;
            return answer;
        }

        private Map<String, String> with(Map<String, String> fields) {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("version", Long.toString(next));
            return all;
        }

        private long read() {
            String html = http.get(page).body();
            Matcher found = version.matcher(html);
            if (!found.find()) {
                throw new AssertionError("no version in " + page + ": " + html);
            }
            return Long.parseLong(found.group(1));
        }
    }

    /** The payload cut to a field's length limit: still a payload, and accepted. */
    private static String fit(String payload, int max) {
        return payload.length() <= max ? payload : payload.substring(0, max).strip();
    }
}
