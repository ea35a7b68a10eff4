package io.boardcast.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.WebSession.Answer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Task and comment flows through the real HTTP stack, as plain form posts and as htmx posts. */
class TaskFlowsIT extends TeamIntegration {

    @Test
    void boardPageShowsColumnsCardsAndTheStreamToSubscribeTo() {
        Answer board = editor.get(team.boardPath());

        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).contains("To do", "In progress", "Done", "id=\"task-" + team.taskId() + "\"",
                "sse-connect=\"/boards/" + team.boardId() + "/events?lastEventId=1\"");
    }

    @Test
    void createdTaskAppearsInItsColumnAfterRedirect() {
        Answer created = editor.post(team.boardPath() + "/tasks", Map.of("title", "Plain form task",
                "columnId", team.columns().get(1).toString(), "assignee", team.viewer(),
                "dueAt", "2026-12-24T18:00", "zone", "Europe/Berlin"));

        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).endsWith(team.boardPath());
        String board = editor.get(team.boardPath()).body();
        String column = board.substring(board.indexOf("id=\"column-" + team.columns().get(1) + "\""));
        assertThat(column).contains("Plain form task", team.viewer(), "datetime=\"2026-12-24T17:00:00Z\"");
    }

    @Test
    void htmxCreateAnswersWithAFreshFormTheCardAndItsColumnsHeaderOutOfBand() {
        Answer response = editor.htmxPost(team.boardPath() + "/tasks", Map.of("title", "Htmx task"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).startsWith("<section id=\"task-create\"")
                .contains("hx-swap-oob=\"beforeend:#column-" + team.columns().get(0) + "-cards\"", "Htmx task",
                        "id=\"column-" + team.columns().get(0) + "-header\"", "hx-swap-oob=\"true\"")
                .doesNotContain("<html", "<section class=\"column\"");
    }

    @Test
    void movedTaskLeavesOneColumnForAnother() {
        Answer moved = editor.post(team.taskPath() + "/move",
                Map.of("columnId", team.columns().get(2).toString(), "version", "0"));

        assertThat(moved.status()).isEqualTo(302);
        String board = editor.get(team.boardPath()).body();
        int done = board.indexOf("id=\"column-" + team.columns().get(2) + "\"");
        assertThat(board.indexOf("id=\"task-" + team.taskId() + "\"")).isGreaterThan(done);
    }

    @Test
    void htmxMoveAnswersWithTheCardsNewVersionAndBothColumnHeadersOutOfBand() {
        Answer moved = editor.htmxPost(team.taskPath() + "/move",
                Map.of("columnId", team.columns().get(1).toString(), "version", "0"));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body()).contains(
                "id=\"task-" + team.taskId() + "-version\" value=\"1\" hx-swap-oob=\"true\"",
                "id=\"column-" + team.columns().get(0) + "-header\"", "aria-label=\"0 tasks\"",
                "id=\"column-" + team.columns().get(1) + "-header\"", "data-order=\"" + team.taskId() + "\"")
                .doesNotContain("<section class=\"column\"", "<li");
    }

    @Test
    void editedTaskShowsItsNewTitle() {
        Answer edited = editor.post(team.taskPath(), Map.of("title", "Renamed", "description", "Now with words",
                "assignee", "", "version", "0"));

        assertThat(edited.status()).isEqualTo(302);
        assertThat(editor.get(team.taskPath()).body()).contains("Renamed", "Now with words");
    }

    @Test
    void htmxEditAnswersWithTheDetailHoldingTheNextVersion() {
        Answer edited = editor.htmxPost(team.taskPath(), Map.of("title", "Renamed by htmx", "version", "0"));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body()).startsWith("<div class=\"task-detail\" id=\"task-" + team.taskId() + "-detail\"")
                .contains("Renamed by htmx", "Saved.", "name=\"version\" value=\"1\"");
    }

    @Test
    void staleEditIsRefusedWithTheCurrentStateAndNothingIsOverwritten() {
        editor.post(team.taskPath(), Map.of("title", "First writer wins", "version", "0"));

        Answer stale = editor.post(team.taskPath(), Map.of("title", "Second writer", "version", "0"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else changed this task first", "First writer wins");
        assertThat(editor.get(team.taskPath()).body()).doesNotContain("Second writer");
    }

    @Test
    void staleMoveIsRefusedWithAMessageForPlainAndHtmxPosts() {
        editor.post(team.taskPath(), Map.of("title", "Edited meanwhile", "version", "0"));
        Map<String, String> move = Map.of("columnId", team.columns().get(2).toString(), "version", "0");

        Answer plain = editor.post(team.taskPath() + "/move", move);
        Answer htmx = editor.htmxPost(team.taskPath() + "/move", move);

        assertThat(plain.status()).isEqualTo(409);
        assertThat(plain.body()).contains("Someone else changed this task first");
        assertThat(htmx.status()).isEqualTo(409);
        assertThat(htmx.body()).contains("id=\"flash\"", "Someone else changed this task first",
                "id=\"columns\" class=\"columns\" hx-swap-oob=\"true\"", "id=\"task-" + team.taskId() + "\"");
    }

    @Test
    void deletedTaskIsGone() {
        Answer deleted = editor.post(team.taskPath() + "/delete", Map.of());

        assertThat(deleted.status()).isEqualTo(302);
        assertThat(editor.get(team.taskPath()).status()).isEqualTo(404);
        assertThat(editor.get(team.boardPath()).body()).doesNotContain("id=\"task-" + team.taskId() + "\"");
    }

    @Test
    void commentAppearsOnTheTaskAndCountsOnTheCard() {
        Answer commented = editor.post(team.taskPath() + "/comments", Map.of("body", "Looks good to me"));

        assertThat(commented.status()).isEqualTo(302);
        assertThat(editor.get(team.taskPath()).body()).contains("Looks good to me");
        assertThat(editor.get(team.boardPath()).body()).contains("<dd class=\"comment-count\">1</dd>");
    }

    @Test
    void htmxCommentAnswersWithAnEmptyFormTheNewCommentAndTheCountOutOfBand() {
        editor.post(team.taskPath() + "/comments", Map.of("body", "Said before"));

        Answer commented = editor.htmxPost(team.taskPath() + "/comments", Map.of("body", "Via htmx"));

        assertThat(commented.status()).isEqualTo(200);
        assertThat(commented.body()).startsWith("<form id=\"comment-form-" + team.taskId() + "\"")
                .contains("<ol hx-swap-oob=\"beforeend:#comments-" + team.taskId() + "\"><li id=\"comment-",
                        "Via htmx", "id=\"comments-" + team.taskId() + "-header\" hx-swap-oob=\"true\"",
                        "<span class=\"comment-total\">(2)</span>")
                .doesNotContain("Said before");
    }

    @Test
    void userTextIsAlwaysEscaped() {
        editor.post(team.boardPath() + "/tasks", Map.of("title", "<script>alert(1)</script>"));

        String board = editor.get(team.boardPath()).body();
        assertThat(board).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void taskOfAnotherBoardIsNotFoundThroughThisBoardsAddress() {
        Team other = fixtures.team();
        String foreignTask = team.boardPath() + "/tasks/" + other.taskId();

        assertThat(editor.get(foreignTask).status()).isEqualTo(404);
        assertThat(editor.post(foreignTask + "/move", Map.of("columnId", team.columns().get(1).toString(),
                "version", "0")).status()).isEqualTo(404);
        assertThat(editor.post(foreignTask + "/delete", Map.of()).status()).isEqualTo(404);
        assertThat(signedIn(other.owner()).get(other.taskPath()).body()).contains("First task");
    }
}
