package io.boardcast.comment;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.EventStream;
import io.boardcast.support.EventStream.Event;
import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.PostgresWebIntegration;
import io.boardcast.support.WebUser;
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
    private WebUser editor;
    private WebUser viewer;

    @BeforeEach
    void team() {
        team = fixtures.team();
        editor = signedIn(team.editor());
        viewer = signedIn(team.viewer());
    }

    @Test
    void pushedCommentCarriesTheNewCommentAndTheCountButNotTheEarlierOnes() {
        comment("Earlier remark one");
        comment("Earlier remark two");

        try (EventStream stream = EventStream.open(viewer, team.boardPath() + "/events", lastEventSeq())) {
            editor.post(team.taskPath() + "/comments", Map.of("body", "The newest remark"));
            Event pushed = stream.next(WAIT);

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

        try (EventStream stream = EventStream.open(viewer, team.boardPath() + "/events", lastEventSeq())) {
            editor.post(team.taskPath() + "/comments", Map.of("body", "Short one"));
            Event pushed = stream.next(WAIT);

            assertThat(pushed.data().length()).isLessThan(10_000);
            assertThat(pushed.data()).contains("Short one", "(61)");
        }
    }

    @Test
    void replayedCommentOfADeletedTaskRendersWithoutIt() {
        String before = lastEventSeq();
        comment("Soon gone");
        editor.post(team.taskPath() + "/delete", Map.of());

        try (EventStream stream = EventStream.open(viewer, team.boardPath() + "/events", before)) {
            Event commented = stream.next(WAIT);
            Event deleted = stream.next(WAIT);

            assertThat(commented.name()).isEqualTo("board");
            assertThat(commented.data()).doesNotContain("Soon gone", "id=\"task-" + team.taskId() + "\"");
            assertThat(deleted.data()).contains("A task was deleted");
        }
    }

    private void comment(String body) {
        comments.add(team.boardId(), team.taskId(), team.editor(), body);
    }

    private String lastEventSeq() {
        return jdbc.sql("select last_event_seq from boards where id = ?").param(team.boardId())
                .query(Long.class).single().toString();
    }

    private long newestCommentId() {
        return jdbc.sql("select max(id) from comments where task_id = ?").param(team.taskId())
                .query(Long.class).single();
    }
}
