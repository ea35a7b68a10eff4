package io.boardcast.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.SseClient.Frame;
import io.boardcast.testsupport.WebSession;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Markdown in a description and a comment arrives as HTML wherever it shows: the task page, the poster's htmx answer
 * and the fragment pushed to everyone watching (rendered outside any request). Raw HTML arrives as text.
 */
class MarkdownIT extends TeamIntegration {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    JdbcClient jdbc;

    private WebSession viewer;

    @BeforeEach
    void viewer() {
        viewer = signedIn(team.viewer());
    }

    @Test
    void markdownDescriptionShowsAsHtmlOnThePageAndInThePush() {
        try (SseClient stream = SseClient.open(viewer, team.boardPath() + "/events", lastEventSeq())) {
            editor.post(team.taskPath(), Map.of("title", "Described", "description",
                    "Steps:\n\n- **first** one\n- see https://example.com/x\n\n| a | b |\n|---|---|\n| 1 | 2 |",
                    "assignee", "", "version", "0"));
            Frame pushed = stream.next(WAIT);

            assertThat(pushed.data()).contains("<div class=\"description markdown\">",
                    "<li><strong>first</strong> one</li>",
                    "<a rel=\"nofollow noopener\" href=\"https://example.com/x\">https://example.com/x</a>",
                    "<td>2</td>");
        }
        assertThat(viewer.get(team.taskPath()).body()).contains("<div class=\"description markdown\"><p>Steps:</p>",
                "<li><strong>first</strong> one</li>", "<th>a</th>");
    }

    @Test
    void markdownCommentShowsAsHtmlOnThePageInTheAnswerAndInThePush() {
        try (SseClient stream = SseClient.open(viewer, team.boardPath() + "/events", lastEventSeq())) {
            WebSession.Answer answer = editor.htmxPost(team.taskPath() + "/comments",
                    Map.of("body", "Looks *good*, see [the docs](https://example.com/docs)"));
            Frame pushed = stream.next(WAIT);

            String html = "<div class=\"comment-body markdown\"><p>Looks <em>good</em>, see "
                    + "<a rel=\"nofollow noopener\" href=\"https://example.com/docs\">the docs</a></p></div>";
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains(html);
            assertThat(pushed.data()).contains(html);
        }
        assertThat(viewer.get(team.taskPath()).body()).contains("<p>Looks <em>good</em>, see");
    }

    @Test
    void scriptInACommentOrDescriptionShowsAsTextEverywhere() {
        String script = "<script>window.__xss=1</script>\n\n![x](https://evil.example/x.png) [y](javascript:alert(1))";
        try (SseClient stream = SseClient.open(viewer, team.boardPath() + "/events", lastEventSeq())) {
            editor.post(team.taskPath(), Map.of("title", "Scripted", "description", script, "assignee", "",
                    "version", "0"));
            Frame edit = stream.next(WAIT);
            editor.post(team.taskPath() + "/comments", Map.of("body", script));
            Frame comment = stream.next(WAIT);

            for (String html : new String[] {comment.data(), edit.data(), viewer.get(team.taskPath()).body()}) {
                assertThat(html).contains("&lt;script&gt;window.__xss=1&lt;/script&gt;",
                                "<a href=\"https://evil.example/x.png\" class=\"image-link\" rel=\"nofollow noopener\">x</a>",
                                "<a rel=\"nofollow noopener\" href=\"\">y</a>")
                        .doesNotContain("<script>window", "<img", "href=\"javascript");
            }
        }
    }

    private String lastEventSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from board_events where board_id = ?").param(team.boardId())
                .query(Long.class).single().toString();
    }
}
