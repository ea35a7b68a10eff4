package io.boardcast.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.WebSession;
import io.boardcast.testsupport.WebSession.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /search?q=}: cards on every board of the person's whose title, description or a comment has the text. */
class SearchIT extends TeamIntegration {

    @Test
    void searchFindsCardsOnEveryBoardOfOnesOwnAndNoneOfOthers() {
        long inTitle = fixtures.task(team.boardId(), team.owner(), "Fix the LOGIN form").getId();
        long inDescription = fixtures.task(team.boardId(), team.owner(), "Write docs").getId();
        editor.post(path(team, inDescription), Map.of("title", "Write docs", "description", "how to log in: login",
                "version", "0"));
        long inComment = fixtures.task(team.boardId(), team.owner(), "Party").getId();
        editor.post(path(team, inComment) + "/comments", Map.of("body", "guests need a Login"));
        long archived = fixtures.task(team.boardId(), team.owner(), "Old login page").getId();
        editor.post(path(team, archived) + "/archive", Map.of("version", "0"));
        Team second = fixtures.team();
        WebSession secondOwner = signedIn(second.owner());
        secondOwner.post(second.boardPath() + "/members", Map.of("username", team.editor(), "role", "VIEWER"));
        long onSecond = fixtures.task(second.boardId(), second.owner(), "Login on the second board").getId();
        Team third = fixtures.team();
        long elsewhere = fixtures.task(third.boardId(), third.owner(), "Login they can't see").getId();

        Answer found = editor.get("/search?q=login");

        assertThat(found.status()).isEqualTo(200);
        assertThat(WebSession.ids(found.body(), "result")).containsExactlyInAnyOrder(inTitle, inDescription, inComment,
                onSecond).doesNotContain(archived, elsewhere);
        assertThat(found.body()).contains("4 cards contain \u201clogin\u201d.", second.boardPath() + "/tasks/" + onSecond);
    }

    @Test
    void anEmptySearchShowsTheFormAndHostileTextIsShownAsText() {
        Answer empty = editor.get("/search");
        Answer hostile = editor.get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("id=\"search-q\"").doesNotContain("role=\"status\"");
        assertThat(hostile.status()).isEqualTo(200);
        assertThat(hostile.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(WebSession.ids(hostile.body(), "result")).isEqualTo(List.of());
    }

    private static String path(Team team, long taskId) {
        return team.boardPath() + "/tasks/" + taskId;
    }
}
