package io.boardcast.comment;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.PostgresWebIntegration;
import io.boardcast.testsupport.SseClient.Frame;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import io.boardcast.testsupport.WebSession.Answer;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a new comment sends to the page that is watching: the comment and the count, never the whole list. */
class CommentFlowsIT extends PostgresWebIntegration {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    CommentService comments;

    @Autowired
    JdbcClient jdbc;

    private Team team;
    private WebSession editor;
    private WebSession viewer;

    @BeforeEach
    void team() {
        team = fixtures.team();
        editor = signedIn(team.editor());
        viewer = signedIn(team.viewer());
    }

    @Test
    void aCommentLeavesTheTasksOpenEditFormCurrent() {
        comment("Said while someone edits");

        // The editor's form was filled at version 0, before the comment.
        Answer edited = editor.post(team.taskPath(), Map.of("title", "Edited after a comment", "version", "0"));

        assertThat(edited.status()).isEqualTo(302);
        assertThat(editor.get(team.taskPath()).body()).contains("Edited after a comment", "Said while someone edits");
    }

    @Test
    void pushedCommentCarriesTheNewCommentAndTheCountButNotTheEarlierOnes() {
        comment("Earlier remark one");
        comment("Earlier remark two");

        try (SseClient stream = SseClient.open(viewer, team.boardPath() + "/events", lastEventSeq())) {
            editor.post(team.taskPath() + "/comments", Map.of("body", "The newest remark"));
            Frame pushed = stream.next(WAIT);

            assertThat(pushed.data())
                    .contains("id=\"comment-" + newestCommentId() + "\"", "The newest remark",
                            "hx-swap-oob=\"beforeend:#comments-" + team.taskId() + "\"",
                            "<dd class=\"comment-count\">3</dd>", "Comments <span class=\"comment-total\">(3)</span>")
                    .doesNotContain("Earlier remark one", "Earlier remark two");
        }
    }

    @Test
    void pushedCommentStaysSmallHoweverManyLongCommentsTheTaskHas() {
        IntStream.range(0, 60).forEach(i -> comment(i + " " + "long words ".repeat(450)));

        try (SseClient stream = SseClient.open(viewer, team.boardPath() + "/events", lastEventSeq())) {
            editor.post(team.taskPath() + "/comments", Map.of("body", "Short one"));
            Frame pushed = stream.next(WAIT);

            assertThat(pushed.data().length()).isLessThan(10_000);
            assertThat(pushed.data()).contains("Short one", "(61)");
        }
    }

    @Test
    void replayedCommentOfADeletedTaskRendersWithoutIt() {
        String before = lastEventSeq();
        comment("Soon gone");
        editor.post(team.taskPath() + "/delete", Map.of());

        try (SseClient stream = SseClient.open(viewer, team.boardPath() + "/events", before)) {
            Frame commented = stream.next(WAIT);
            Frame deleted = stream.next(WAIT);

            assertThat(commented.event()).isEqualTo("board");
            assertThat(commented.data()).doesNotContain("Soon gone")
                    .contains("id=\"task-" + team.taskId() + "\" hx-swap-oob=\"delete\"");
            assertThat(deleted.data()).contains("A task was deleted");
        }
    }

    @Test
    void taskPageShowsTheNewestFiftyCommentsOldestFirstAndLinksToTheEarlierOnes() {
        numberedComments(55);

        String page = viewer.get(team.taskPath()).body();

        assertThat(occurrences(page, "class=\"comment\"")).isEqualTo(50);
        assertThat(page).contains("Remark 006", "Remark 055", "Comments <span class=\"comment-total\">(55)</span>")
                .doesNotContain("Remark 005");
        assertThat(page.indexOf("Remark 006")).isLessThan(page.indexOf("Remark 055"));
        assertThat(page).contains("href=\"" + earlierPath(idOf("Remark 006")) + "#comments\"",
                ">Show earlier comments</a>");
    }

    @Test
    void earlierLinkWithoutJavaScriptShowsThePageBeforeAndTheWayBack() {
        numberedComments(55);

        WebSession.Answer earlier = viewer.get(earlierPath(idOf("Remark 006")));

        assertThat(earlier.status()).isEqualTo(200);
        assertThat(occurrences(earlier.body(), "class=\"comment\"")).isEqualTo(5);
        assertThat(earlier.body()).contains("Remark 001", "Remark 005", "First task", "Show the latest comments")
                .doesNotContain("Remark 006", "Show earlier comments");
        assertThat(earlier.body().indexOf("Remark 001")).isLessThan(earlier.body().indexOf("Remark 005"));
    }

    @Test
    void earlierLinkWithHtmxPutsThePageBeforeInFrontOfTheList() {
        numberedComments(105);

        WebSession.Answer earlier = viewer.htmxGet(earlierPath(idOf("Remark 056")));

        assertThat(earlier.status()).isEqualTo(200);
        assertThat(earlier.body()).doesNotContain("<html", "Remark 056", "Remark 005")
                .startsWith("<div class=\"comments-earlier\" id=\"comments-" + team.taskId() + "-earlier\"")
                .contains("hx-get=\"" + earlierPath(idOf("Remark 006")) + "\"",
                        "<ol hx-swap-oob=\"afterbegin:#comments-" + team.taskId() + "\">", "Remark 006",
                        "Remark 055");
        assertThat(occurrences(earlier.body(), "class=\"comment\"")).isEqualTo(50);
    }

    @Test
    void earlierCommentsAreForMembersOnly() {
        comment("Members only");

        assertThat(signedIn(team.outsider()).get(earlierPath(idOf("Members only") + 1)).status()).isEqualTo(404);
        assertThat(signedIn(team.outsider()).htmxGet(earlierPath(idOf("Members only") + 1)).status())
                .isEqualTo(404);
    }

    private void numberedComments(int count) {
        IntStream.rangeClosed(1, count).forEach(i -> comment("Remark %03d".formatted(i)));
    }

    private String earlierPath(long before) {
        return team.taskPath() + "/comments?before=" + before;
    }

    private long idOf(String body) {
        return jdbc.sql("select id from comments where task_id = ? and body = ?").params(team.taskId(), body)
                .query(Long.class).single();
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private void comment(String body) {
        comments.add(team.boardId(), team.taskId(), team.editor(), body);
    }

    private String lastEventSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from board_events where board_id = ?").param(team.boardId())
                .query(Long.class).single().toString();
    }

    private long newestCommentId() {
        return jdbc.sql("select max(id) from comments where task_id = ?").param(team.taskId())
                .query(Long.class).single();
    }
}
