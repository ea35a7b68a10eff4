package io.boardcast.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.BoardHtml;
import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.SseClient.Frame;
import io.boardcast.testsupport.WebSession.Answer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriUtils;

/**
 * A board filtered by its URL ({@code q}, {@code label}, {@code assignee}, {@code due}): exactly the matching cards on
 * the page (no JavaScript needed), and a stream that keeps to the filter as cards start and stop matching.
 */
class CardFilterIT extends TeamIntegration {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aFilteredBoardUrlShowsExactlyTheCardsThatMatch() {
        long inTitle = task("Fix the LOGIN form", Map.of());
        long inDescription = task("Write the docs", Map.of("description", "Explain how to log in (login page)"));
        long inComment = task("Plan the party", Map.of());
        editor.post(path(inComment) + "/comments", Map.of("body", "Needs a Login for guests"));
        long overdue = task("Pay the invoice", Map.of("dueAt", inHours(-2)));
        long soon = task("Call the printer", Map.of("dueAt", inHours(3), "assignee", team.editor()));
        long later = task("Renew the domain", Map.of("dueAt", inHours(24 * 10)));
        long first = team.taskId();

        assertThat(cards("?q=login")).containsExactlyInAnyOrder(inTitle, inDescription, inComment);
        assertThat(cards("?q=%20login%20")).containsExactlyInAnyOrder(inTitle, inDescription, inComment);
        assertThat(cards("?due=overdue")).containsExactly(overdue);
        assertThat(cards("?due=soon")).containsExactly(soon);
        assertThat(cards("?due=none")).containsExactlyInAnyOrder(first, inTitle, inDescription, inComment);
        assertThat(cards("?assignee=" + team.editor())).containsExactly(soon);
        assertThat(cards("?assignee=me")).containsExactly(soon);
        assertThat(cards("?assignee=nobody")).doesNotContain(soon).contains(later, first);
        assertThat(cards("?q=the&due=soon")).containsExactly(soon);
        assertThat(cards("?q=&label=&assignee=&due=")).hasSize(7);
    }

    @Test
    void labelsFilterByNameOrIdAndEveryOneGivenMustBeOnTheCard() {
        long bug = label("Bug");
        long urgent = label("Urgent");
        long both = task("Crash on save", Map.of());
        long onlyBug = task("Typo in footer", Map.of());
        setLabels(both, bug, urgent);
        setLabels(onlyBug, bug);

        assertThat(cards("?label=bug")).containsExactlyInAnyOrder(both, onlyBug);
        assertThat(cards("?label=" + urgent)).containsExactly(both);
        assertThat(cards("?label=Bug&label=Urgent")).containsExactly(both);
    }

    @Test
    void whatTheFilterCannotUseIsExplainedAndWildcardsMeanThemselves() {
        task("100% done", Map.of());

        Answer unknown = editor.get(team.boardPath() + "?label=Nope&assignee=" + team.outsider() + "&due=someday");

        assertThat(unknown.status()).isEqualTo(200);
        assertThat(BoardHtml.cardsIn(unknown.body(), team.columns().get(0))).isEmpty();
        assertThat(unknown.body()).contains("This board has no label \u201cNope\u201d.",
                "\u201c" + team.outsider() + "\u201d is not a member of this board.",
                "\u201csomeday\u201d is not a due date filter (overdue, soon or none); it is left out.");
        assertThat(cards("?q=%25")).hasSize(1);
        assertThat(cards("?q=_")).isEmpty();
        assertThat(editor.get(team.boardPath() + "?q=" + "x".repeat(5000)).status()).isEqualTo(200);
    }

    @Test
    void theFilterBarKeepsTheFilterAndItsHtmxAnswerSwapsCardsStatusAndStream() {
        long match = task("Login page", Map.of());

        Answer page = editor.get(team.boardPath() + "?q=login&due=none");
        Answer swapped = editor.send(editor.request(team.boardPath() + "?q=login&due=none")
                .header("HX-Request", "true").header("HX-Target", "columns"));

        assertThat(page.body()).contains("id=\"filter-q\" type=\"search\" name=\"q\" value=\"login\"",
                "<option value=\"none\" selected=\"selected\">No due date</option>",
                "Showing only the cards that match the filter.",
                "filter=q%3Dlogin%26due%3Dnone");
        assertThat(swapped.status()).isEqualTo(200);
        assertThat(swapped.body()).doesNotContain("<html")
                .contains("id=\"columns\" class=\"columns\" hx-swap-oob=\"true\"", "id=\"filter-status\"",
                        "id=\"live\"", "filter=q%3Dlogin%26due%3Dnone");
        assertThat(BoardHtml.cardsIn(swapped.body(), team.columns().get(0))).containsExactly(match);
    }

    @Test
    void aFilteredStreamGetsACardWhenItStartsToMatchAndItsRemovalWhenItStops() {
        long other = task("Unrelated", Map.of());
        String filter = UriUtils.encodeQueryParam("q=login", java.nio.charset.StandardCharsets.UTF_8);
        try (SseClient filtered = SseClient.open(signedIn(team.viewer()), team.boardPath() + "/events?filter=" + filter,
                Long.toString(lastSeq()));
                SseClient whole = SseClient.open(signedIn(team.viewer()), team.boardPath() + "/events",
                        Long.toString(lastSeq()))) {
            long created = task("Login page", Map.of());
            long outside = task("Coffee", Map.of());

            assertThat(filtered.next(WAIT).data()).contains("id=\"task-" + created + "\"");
            assertThat(filtered.next(WAIT).data()).doesNotContain("id=\"task-" + outside + "\"");

            edit(other, "Unrelated to login", 0);
            Frame arrived = filtered.next(WAIT);
            assertThat(arrived.data()).contains("hx-swap-oob=\"beforeend:#column-" + team.columns().get(0) + "-cards\"",
                    "class=\"card\" id=\"task-" + other + "\"", "data-order=");
            edit(other, "Unrelated again", 1);
            assertThat(filtered.next(WAIT).data()).contains("id=\"task-" + other + "\" hx-swap-oob=\"delete\"")
                    .doesNotContain("class=\"card\"");

            List<Frame> unfiltered = whole.next(4, WAIT);
            assertThat(unfiltered.get(1).data()).contains("id=\"task-" + outside + "\"");
            assertThat(unfiltered.get(3).data()).contains("class=\"card\" id=\"task-" + other + "\"")
                    .doesNotContain("hx-swap-oob=\"delete\"");
        }
    }

    @Test
    void aCardCreatedThroughHtmxOnAFilteredPageIsShownThereOnlyIfItMatches() {
        String page = "http://localhost" + team.boardPath() + "?q=log+in&due=";

        Answer hidden = editor.send(editor.request(team.boardPath() + "/tasks")
                .header("HX-Request", "true").header("HX-Current-URL", page)
                .header("X-CSRF-TOKEN", editor.csrfToken())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("title=Coffee")));
        Answer shown = editor.send(editor.request(team.boardPath() + "/tasks")
                .header("HX-Request", "true").header("HX-Current-URL", page + "#top")
                .header("X-CSRF-TOKEN", editor.csrfToken())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("title=How+to+log+in")));

        assertThat(hidden.status()).isEqualTo(200);
        assertThat(hidden.body()).doesNotContain("beforeend:#column-")
                .contains("\u201cCoffee\u201d was added; the filter hides it.");
        assertThat(shown.body()).contains("beforeend:#column-", "How to log in").doesNotContain("the filter hides it");
    }

    @Test
    void aFilterTooLongForAnyPageIsRefusedByTheStream() {
        try (SseClient refused = SseClient.open(editor, team.boardPath() + "/events?filter=" + "q".repeat(2001), null)) {
            assertThat(refused.status()).isEqualTo(400);
        }
    }

    private List<Long> cards(String query) {
        String page = editor.get(team.boardPath() + query).body();
        return team.columns().stream().flatMap(column -> BoardHtml.cardsIn(page, column).stream()).toList();
    }

    @Test
    void aMovedCardGoesAfterTheCardBeforeItThatTheFilteredPageShows() {
        long todo = team.columns().get(0);
        long login = task("Login form", Map.of());
        long other = task("Coffee", Map.of());
        long logout = task("Logout link", Map.of());
        String filter = UriUtils.encodeQueryParam("q=log", java.nio.charset.StandardCharsets.UTF_8);
        try (SseClient filtered = SseClient.open(signedIn(team.viewer()), team.boardPath() + "/events?filter=" + filter,
                Long.toString(lastSeq()));
                SseClient whole = SseClient.open(signedIn(team.viewer()), team.boardPath() + "/events",
                        Long.toString(lastSeq()))) {
            editor.post(path(logout) + "/move", Map.of("columnId", "" + todo, "position", "2", "version", "0"));

            // The board is [first, login, logout, other]; the filtered page shows [login, logout].
            assertThat(whole.next(WAIT).data()).contains("hx-swap-oob=\"afterend:#column-" + todo + "-cards #task-"
                    + login + "\"", "<li id=\"task-" + logout + "\" hx-preserve=\"true\"></li>");
            assertThat(filtered.next(WAIT).data()).contains("hx-swap-oob=\"afterend:#column-" + todo + "-cards #task-"
                    + login + "\"", "class=\"card\" id=\"task-" + logout + "\" hx-preserve=\"true\"");

            editor.post(path(login) + "/move", Map.of("columnId", "" + todo, "position", "3", "version", "0"));

            // [first, logout, other, login]: after the other card on the board, after logout on the filtered page.
            assertThat(whole.next(WAIT).data()).contains("hx-swap-oob=\"afterend:#column-" + todo + "-cards #task-"
                    + other + "\"");
            assertThat(filtered.next(WAIT).data()).contains("hx-swap-oob=\"afterend:#column-" + todo + "-cards #task-"
                    + logout + "\"", "id=\"task-" + login + "\" hx-preserve=\"true\"");
            assertThat(cards("?q=log")).containsExactly(logout, login);
            assertThat(other).isNotIn(cards("?q=log"));
        }
    }

    /** A task in the first column, then edited with these fields (description, dueAt, assignee). */
    private long task(String title, Map<String, String> fields) {
        long id = fixtures.task(team.boardId(), team.owner(), title).getId();
        if (!fields.isEmpty()) {
            Map<String, String> form = new HashMap<>(fields);
            form.put("title", title);
            form.put("zone", "UTC");
            form.put("version", "0");
            assertThat(editor.post(path(id), form).status()).isEqualTo(302);
        }
        return id;
    }

    private void edit(long taskId, String title, long version) {
        assertThat(editor.post(path(taskId), Map.of("title", title, "version", Long.toString(version))).status())
                .isEqualTo(302);
    }

    private long label(String name) {
        editor.post(team.boardPath() + "/labels", Map.of("name", name, "color", "RED"));
        String page = editor.get(team.boardPath() + "/labels").body();
        return io.boardcast.testsupport.WebSession.ids(page, "label-settings").stream()
                .filter(id -> page.contains("id=\"label-" + id + "-name\" name=\"name\" value=\"" + name + "\""))
                .findFirst().orElseThrow();
    }

    private void setLabels(long taskId, long... labelIds) {
        StringBuilder body = new StringBuilder("title=" + taskId + "&version=0&_csrf=" + editor.csrfToken());
        for (long id : labelIds) {
            body.append("&labelIds=").append(id);
        }
        assertThat(editor.send(editor.request(path(taskId)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString()))).status()).isEqualTo(302);
    }

    private long lastSeq() {
        String page = editor.get(team.boardPath()).body();
        int at = page.indexOf("data-last-event-id=\"") + "data-last-event-id=\"".length();
        return Long.parseLong(page.substring(at, page.indexOf('"', at)));
    }

    private String path(long taskId) {
        return team.boardPath() + "/tasks/" + taskId;
    }

    private static String inHours(long hours) {
        return LocalDateTime.ofInstant(Instant.now().plus(hours, ChronoUnit.HOURS), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
