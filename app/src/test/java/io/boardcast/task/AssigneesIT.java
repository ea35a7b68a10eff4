package io.boardcast.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.BoardHtml;
import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.SseClient.Frame;
import io.boardcast.testsupport.WebSession;
import io.boardcast.testsupport.WebSession.Answer;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A task with several assignees: set through the form, shown on the card, filtered by, "my tasks" (reminders: AssigneeRemindersIT). */
class AssigneesIT extends TeamIntegration {

    @Autowired
    JdbcClient jdbc;

    @Test
    void severalAssigneesChosenInTheFormShowOnTheCardAndComeBackChosen() {
        Answer saved = save(team.taskId(), List.of("title=Ship it", "assignees=" + team.viewer(),
                "assignees=" + team.editor(), "_assignees=1", "version=0"));

        assertThat(saved.status()).isEqualTo(302);
        String board = editor.get(team.boardPath()).body();
        assertThat(board).contains("<dt>Assignees</dt>", sorted(team.editor(), team.viewer()));
        String page = editor.get(team.taskPath()).body();
        assertThat(page).contains("<option value=\"" + team.editor() + "\" selected=\"selected\">",
                "<option value=\"" + team.viewer() + "\" selected=\"selected\">",
                "<option value=\"" + team.owner() + "\">");
    }

    @Test
    void theSingleAssigneeFieldOfOlderFormsStillWorksAndNoneChosenMeansNobody() {
        assertThat(editor.post(team.taskPath(), Map.of("title", "Ship it", "assignee", team.viewer(), "version", "0"))
                .status()).isEqualTo(302);
        assertThat(editor.get(team.taskPath()).body()).contains("<dd class=\"assignee\">" + team.viewer() + "</dd>");

        assertThat(save(team.taskId(), List.of("title=Ship it", "_assignees=1", "assignee=", "version=1")).status())
                .isEqualTo(302);

        assertThat(editor.get(team.taskPath()).body()).contains("<dd class=\"assignee\">Nobody</dd>");
    }

    @Test
    void aNonMemberAmongTheAssigneesIsExplainedInlineAndNothingIsSaved() {
        Answer refused = save(team.taskId(), List.of("title=Renamed", "assignees=" + team.editor(),
                "assignees=" + team.outsider(), "version=0"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("The assignee must be a member of this board: \u201c" + team.outsider()
                + "\u201d is not.", "aria-invalid=\"true\"");
        assertThat(editor.get(team.taskPath()).body()).contains("First task", "<dd class=\"assignee\">Nobody</dd>")
                .doesNotContain("Renamed");
    }

    @Test
    void theAssigneeFilterFindsACardByAnyOfItsAssignees() {
        save(team.taskId(), List.of("title=Pair on it", "assignees=" + team.editor(), "assignees=" + team.viewer(),
                "version=0"));
        long alone = fixtures.task(team.boardId(), team.owner(), "Nobody's").getId();

        assertThat(cards("?assignee=" + team.viewer())).containsExactly(team.taskId());
        assertThat(cards("?assignee=me")).containsExactly(team.taskId());
        assertThat(cards("?assignee=" + team.owner())).isEmpty();
        assertThat(cards("?assignee=nobody")).containsExactly(alone);
    }

    @Test
    void myTasksListsCardsAssignedToMeOnEveryBoardOfMineAndNothingElse() {
        save(team.taskId(), List.of("title=Mine here", "assignees=" + team.editor(), "version=0"));
        fixtures.task(team.boardId(), team.owner(), "Not mine");
        Team second = fixtures.team();
        signedIn(second.owner()).post(second.boardPath() + "/members", Map.of("username", team.editor(), "role", "EDITOR"));
        long onSecond = fixtures.task(second.boardId(), second.owner(), "Mine there").getId();
        save(editor, second.boardPath() + "/tasks/" + onSecond,
                List.of("title=Mine there", "assignees=" + team.editor(), "assignees=" + second.owner(), "version=0"));

        Answer mine = editor.get("/search?assignee=me");
        Answer mineWithText = editor.get("/search?assignee=me&q=there");
        Answer theirs = signedIn(second.owner()).get("/search?assignee=me");

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("<h1>My tasks</h1>", "2 cards are assigned to you.");
        assertThat(WebSession.ids(mine.body(), "result")).containsExactlyInAnyOrder(team.taskId(), onSecond);
        assertThat(WebSession.ids(mineWithText.body(), "result")).containsExactly(onSecond);
        assertThat(mineWithText.body()).contains("1 card contains \u201cthere\u201d and is assigned to you.");
        assertThat(WebSession.ids(theirs.body(), "result")).containsExactly(onSecond);
        assertThat(editor.get("/boards").body()).contains("href=\"/search?assignee=me\"");
    }

    @Test
    void aMemberRemovedFromTheBoardLeavesItsCardsAndOpenPagesSeeThemChange() {
        save(team.taskId(), List.of("title=Pair on it", "assignees=" + team.editor(), "assignees=" + team.viewer(),
                "version=0"));
        String seq = Long.toString(WebSession.lastEventId(editor.get(team.boardPath()).body()));
        try (SseClient stream = SseClient.open(editor, team.boardPath() + "/events", seq)) {
            assertThat(signedIn(team.owner()).post(team.boardPath() + "/members/" + memberId(team.viewer()) + "/delete",
                    Map.of()).status()).isEqualTo(302);

            String card = "id=\"task-" + team.taskId() + "\"";
            Frame pushed = stream.next(Duration.ofSeconds(10));
            while (!pushed.data().contains(card)) {
                pushed = stream.next(Duration.ofSeconds(10));
            }
            assertThat(pushed.data()).contains("<dd class=\"assignee\">" + team.editor() + "</dd>");
        }
        assertThat(editor.get(team.boardPath()).body()).contains("<dd class=\"assignee\">" + team.editor() + "</dd>");
        assertThat(editor.get(team.taskPath()).body()).contains("<dd class=\"assignee\">" + team.editor() + "</dd>");
        assertThat(jdbc.sql("select count(*) from task_assignees where task_id = ?").param(team.taskId())
                .query(Integer.class).single()).isEqualTo(1);
    }

    private long memberId(String username) {
        return jdbc.sql("select m.id from memberships m join users u on u.id = m.user_id"
                        + " where u.username = ? and m.board_id = ?")
                .params(username, team.boardId()).query(Long.class).single();
    }

    private Answer save(long taskId, List<String> fields) {
        return save(editor, team.boardPath() + "/tasks/" + taskId, fields);
    }

    /** Posts fields given as {@code name=value} (repeats allowed), values form-encoded here. */
    private static Answer save(WebSession session, String path, List<String> fields) {
        StringBuilder body = new StringBuilder("_csrf=" + session.csrfToken());
        for (String field : fields) {
            int eq = field.indexOf('=');
            body.append('&').append(field, 0, eq + 1)
                    .append(URLEncoder.encode(field.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return session.send(session.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(body.toString())));
    }

    private List<Long> cards(String query) {
        String page = editor.get(team.boardPath() + query).body();
        return team.columns().stream().flatMap(column -> BoardHtml.cardsIn(page, column).stream()).toList();
    }

    private static String sorted(String a, String b) {
        return "<dd class=\"assignee\">" + (a.compareToIgnoreCase(b) < 0 ? a + ", " + b : b + ", " + a) + "</dd>";
    }
}
