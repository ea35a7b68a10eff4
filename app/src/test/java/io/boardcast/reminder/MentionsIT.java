package io.boardcast.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.TeamIntegration;
import io.boardcast.task.TaskService;
import io.boardcast.testsupport.WebSession;
import io.boardcast.testsupport.WebSession.Answer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code @name} in a comment or a description tells that member once, in the list behind their bell; other names,
 * the author and names in code tell nobody. The team's editor writes; its viewer and owner are the members mentioned.
 */
class MentionsIT extends TeamIntegration {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskService tasks;

    @Test
    void aCommentTellsEachMentionedMemberOnceAndNobodyElse() {
        String body = "@%s @%s @nobody-at-all @%s, see `@%s`".formatted(team.viewer(), team.viewer(), team.outsider(),
                team.owner());

        assertThat(editor.post(team.taskPath() + "/comments", Map.of("body", body)).status()).isEqualTo(302);

        assertThat(mentionsOf(team.viewer())).isEqualTo(1);
        assertThat(mentionsOf(team.outsider())).isZero();
        assertThat(mentionsOf(team.owner())).isZero();
        assertThat(mentionsOf(team.editor())).isZero();
        assertThat(jdbc.sql("select count(*) from notifications where task_id = ?").param(team.taskId())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anHtmxCommentTellsTheMemberToo() {
        Answer answer = editor.htmxPost(team.taskPath() + "/comments", Map.of("body", "@" + team.viewer() + " look"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("<span class=\"mention\">@" + team.viewer() + "</span> look");
        assertThat(mentionsOf(team.viewer())).isEqualTo(1);
    }

    @Test
    void theMentionedMemberFindsItBehindTheBellReadably() {
        editor.post(team.taskPath() + "/comments", Map.of("body", "@" + team.viewer() + " have a <b>look</b>"));
        long commentId = jdbc.sql("select max(id) from comments where task_id = ?").param(team.taskId())
                .query(Long.class).single();
        WebSession viewer = signedIn(team.viewer());

        String list = viewer.get("/notifications").body();

        assertThat(list).contains("<strong>" + team.editor() + "</strong> mentioned you on",
                "<a href=\"" + team.taskPath() + "#comment-" + commentId + "\"><em>First task</em></a>",
                "(Team board ", "@" + team.viewer() + " have a &lt;b&gt;look&lt;/b&gt;");
        assertThat(viewer.get("/boards").body()).contains("aria-label=\"Notifications, 1 unread\"");
    }

    @Test
    void aDescriptionTellsOnlyNamesItDidNotMentionBefore() {
        edit("Over to @" + team.viewer());
        assertThat(mentionsOf(team.viewer())).isEqualTo(1);

        edit("Over to @" + team.viewer());
        edit("Over to @" + team.viewer() + ", with a typo fixed");
        assertThat(mentionsOf(team.viewer())).isEqualTo(1);

        edit("Over to @" + team.viewer() + " and @" + team.owner());
        assertThat(mentionsOf(team.viewer())).isEqualTo(1);
        assertThat(mentionsOf(team.owner())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notifications where comment_id is null and kind = 'MENTIONED'"
                + " and task_id = ?").param(team.taskId()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aNewTasksDescriptionTellsTheMembersItMentions() {
        editor.post(team.boardPath() + "/tasks", Map.of("title", "Handover", "description", "@" + team.owner()));

        assertThat(mentionsOf(team.owner())).isEqualTo(1);
    }

    @Test
    void anAuthorMentioningThemselvesIsNotTold() {
        editor.post(team.taskPath() + "/comments", Map.of("body", "Note to self, @" + team.editor()));
        edit("Mine: @" + team.editor());

        assertThat(mentionsOf(team.editor())).isZero();
    }

    @Test
    void membersMentionsShowHighlightedOnTheTaskPageAndOtherNamesAsText() {
        editor.post(team.taskPath() + "/comments", Map.of("body", "@%s and @%s and @nobody-at-all"
                .formatted(team.viewer(), team.outsider())));
        edit("Ask @" + team.owner());

        String page = editor.get(team.taskPath()).body();

        assertThat(page).contains("<span class=\"mention\">@" + team.viewer() + "</span> and @" + team.outsider()
                + " and @nobody-at-all", "<p>Ask <span class=\"mention\">@" + team.owner() + "</span></p>");
    }

    private void edit(String description) {
        long version = tasks.find(team.boardId(), team.taskId(), team.editor()).getVersion();
        Answer saved = editor.post(team.taskPath(), Map.of("title", "First task", "description", description,
                "version", Long.toString(version)));
        assertThat(saved.status()).isEqualTo(302);
    }

    private long mentionsOf(String username) {
        return jdbc.sql("""
                select count(*) from notifications n join users u on u.id = n.user_id
                where u.username = ? and n.kind = 'MENTIONED'""").param(username).query(Long.class).single();
    }
}
