package io.boardcast.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import io.boardcast.testsupport.WebSession.Answer;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code GET /boards/{b}/activity} and a task's history: who did what, newest first, live on the newest page. */
class ActivityIT extends TeamIntegration {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void theActivityPageSaysWhoDidWhatNewestFirst() {
        editor.post(team.taskPath() + "/move", Map.of("columnId", team.columns().get(1).toString(), "version", "0"));
        editor.post(team.taskPath() + "/comments", Map.of("body", "On it"));
        long doomed = editor.createTask("", team.boardId(), "Doomed card", team.columns().get(0));
        editor.post(team.boardPath() + "/tasks/" + doomed + "/delete", Map.of());

        String page = flat(editor.get(team.boardPath() + "/activity").body());

        String moved = line(team.editor(), "moved") + " <a class=\"title\" href=\"" + team.taskPath()
                + "\">First task</a> <span class=\"detail\">from To do to In progress</span>";
        assertThat(page).contains(moved, line(team.editor(), "commented on"),
                line(team.editor(), "deleted") + " <em class=\"title\">Doomed card</em>",
                line(team.editor(), "created") + " <em class=\"title\">Doomed card</em> <span class=\"detail\">in To do</span>",
                // The fixture made the first task without a request: nobody was signed in.
                line("Boardcast", "created") + " <a class=\"title\"", "just now");
        assertThat(page.indexOf("Doomed card</em>")).isLessThan(page.indexOf("commented on"));
        assertThat(page.indexOf("commented on")).isLessThan(page.indexOf(moved));
        assertThat(page).contains("sse-connect=\"/boards/" + team.boardId() + "/events?lastEventId=")
                .contains("view=activity");
    }

    @Test
    void olderActivityComesAPageAtATime() {
        for (int i = 0; i < ActivityPage.SIZE + 4; i++) {
            editor.post(team.taskPath(), Map.of("title", "Edit " + i, "version", Integer.toString(i)));
        }

        String newest = editor.get(team.boardPath() + "/activity").body();
        Matcher older = Pattern.compile("href=\"(/boards/\\d+/activity\\?before=\\d+)\">Older activity").matcher(newest);

        assertThat(count(newest, "class=\"activity-line\"")).isEqualTo(ActivityPage.SIZE);
        assertThat(older.find()).isTrue();
        Answer second = editor.get(older.group(1));
        assertThat(count(second.body(), "class=\"activity-line\"")).isEqualTo(5); // 4 edits, 1 creation
        assertThat(second.body()).contains("Newest activity").doesNotContain("Older activity", "sse-connect=\"/boards/");
    }

    @Test
    void theNewestPageGetsEachChangeOnTopAsItHappens() {
        String seq = Long.toString(WebSession.lastEventId(editor.get(team.boardPath() + "/activity").body()));
        try (SseClient activity = SseClient.open(signedIn(team.viewer()),
                team.boardPath() + "/events?view=activity", seq)) {
            editor.post(team.taskPath() + "/move", Map.of("columnId", team.columns().get(2).toString(), "version", "0"));

            assertThat(flat(activity.next(WAIT).data())).contains("hx-swap-oob=\"afterbegin:#activity-list\"",
                    line(team.editor(), "moved"), "from To do to Done").doesNotContain("class=\"card\"");
        }
    }

    @Test
    void aTaskPageShowsItsOwnHistoryOnly() {
        editor.post(team.taskPath(), Map.of("title", "Renamed", "version", "0"));
        editor.createTask("", team.boardId(), "Another card", team.columns().get(0));

        String page = flat(editor.get(team.taskPath()).body());
        String history = page.substring(page.indexOf("id=\"task-" + team.taskId() + "-history\""));

        assertThat(history).contains(line(team.editor(), "edited") + " <a class=\"title\" href=\"" + team.taskPath()
                + "\">Renamed</a>", line("Boardcast", "created")).doesNotContain("Another card");
    }

    @Test
    void nonMembersCannotSeeAnyActivity() {
        assertThat(signedIn(team.outsider()).get(team.boardPath() + "/activity").status()).isEqualTo(404);
        try (SseClient refused = SseClient.open(signedIn(team.outsider()), team.boardPath() + "/events?view=activity",
                null)) {
            assertThat(refused.status()).isEqualTo(404);
        }
    }

    private static String line(String actor, String verb) {
        return "<strong class=\"actor\">" + actor + "</strong> <span class=\"verb\">" + verb + "</span>";
    }

    /** The HTML with each run of white space as one space: the lines' words, however the template wraps them. */
    private static String flat(String html) {
        return html.replaceAll("\\s+", " ");
    }

    private static int count(String html, String text) {
        return html.split(Pattern.quote(text), -1).length - 1;
    }
}
