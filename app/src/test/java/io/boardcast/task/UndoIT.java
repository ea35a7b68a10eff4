package io.boardcast.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.BoardHtml;
import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.WebSession;
import io.boardcast.testsupport.WebSession.Answer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Undo of one's own move, edit, archive and deletion within ten seconds: a new change, logged like any other; refused
 * (409, explained) when someone changed the task since, when it is too late, or when it was undone already.
 */
class UndoIT extends TeamIntegration {

    private static final Pattern UNDO = Pattern.compile("id=\"undo-(\\d+)\"");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Undos undos;

    @Test
    void aMoveIsUndoneByMovingTheCardBackWhereItWas() {
        long second = editor.createTask("", team.boardId(), "Second", team.columns().get(0));
        Answer moved = editor.send(editor.request(team.taskPath() + "/move").header("HX-Request", "true")
                .header("X-CSRF-TOKEN", editor.csrfToken()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("columnId=" + team.columns().get(1) + "&version=0")));
        assertThat(moved.body()).contains("Moved \u201cFirst task\u201d to In progress.", "hx-swap-oob=\"beforeend:#undo-offers\"");
        long seqBefore = lastSeq();

        Answer undone = undo(undoIdIn(moved.body()), true);

        assertThat(undone.status()).isEqualTo(200);
        assertThat(undone.body()).contains("Undone: \u201cFirst task\u201d is as it was.");
        assertThat(cardsIn(0)).containsExactly(team.taskId(), second);
        assertThat(lastSeq()).isEqualTo(seqBefore + 1);
        assertThat(kindAt(seqBefore + 1)).isEqualTo("TASK_MOVED");
    }

    @Test
    void anEditIsUndoneByPuttingBackWhatItReplacedAndTheToastComesAfterTheRedirect() {
        editor.post(team.taskPath(), Map.of("title", "Before", "description", "Old words", "assignees", team.viewer(),
                "version", "0"));
        Answer saved = editor.post(team.taskPath(), Map.of("title", "After", "version", "1"));
        assertThat(saved.status()).isEqualTo(302);
        String page = editor.get(saved.location()).body();
        assertThat(page).contains("Saved \u201cAfter\u201d.", "<button type=\"submit\">Undo</button>");

        Answer undone = undo(undoIdIn(page), false);

        assertThat(undone.status()).isEqualTo(302);
        assertThat(undone.location()).endsWith(team.taskPath());
        String after = editor.get(team.taskPath()).body();
        assertThat(after).contains("<h1>Before</h1>", "Old words", "<dd class=\"assignee\">" + team.viewer() + "</dd>",
                "Undone: \u201cBefore\u201d is as it was.");
    }

    @Test
    void aDeletionIsUndoneWithTheCardBackInItsPlaceCommentsAndAll() {
        editor.createTask("", team.boardId(), "Below", team.columns().get(0));
        editor.post(team.taskPath() + "/comments", Map.of("body", "Keep me"));
        Answer deleted = editor.post(team.taskPath() + "/delete", Map.of());
        String board = editor.get(deleted.location()).body();
        assertThat(board).contains("Deleted \u201cFirst task\u201d.");
        assertThat(editor.get(team.taskPath()).status()).isEqualTo(404);
        assertThat(cardsIn(0)).doesNotContain(team.taskId());

        assertThat(undo(undoIdIn(board), false).status()).isEqualTo(302);

        assertThat(cardsIn(0).get(0)).isEqualTo(team.taskId());
        assertThat(editor.get(team.taskPath()).body()).contains("Keep me");
    }

    @Test
    void anArchiveIsUndoneByRestoringTheTask() {
        Answer archived = editor.post(team.taskPath() + "/archive", Map.of("version", "0"));
        long undoId = undoIdIn(editor.get(archived.location()).body());

        assertThat(undo(undoId, false).status()).isEqualTo(302);

        assertThat(cardsIn(0)).contains(team.taskId());
    }

    @Test
    void anUndoIsRefusedWhenSomeoneChangedTheTaskSinceAndSaysWho() {
        Answer saved = editor.post(team.taskPath(), Map.of("title", "Mine", "version", "0"));
        long undoId = undoIdIn(editor.get(saved.location()).body());
        signedIn(team.owner()).post(team.taskPath(), Map.of("title", "Theirs", "version", "1"));

        Answer refused = undo(undoId, true);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("\u201cTheirs\u201d was changed since, by " + team.owner()
                + ": undoing would overwrite that.");
        assertThat(editor.get(team.taskPath()).body()).contains("<h1>Theirs</h1>");
    }

    @Test
    void anUndoIsRefusedWhenTooLateOrDoneAlreadyAndIsNobodyElses() {
        Answer saved = editor.post(team.taskPath(), Map.of("title", "Mine", "version", "0"));
        long undoId = undoIdIn(editor.get(saved.location()).body());

        assertThat(signedIn(team.owner()).post(team.boardPath() + "/undo/" + undoId, Map.of()).status()).isEqualTo(404);
        assertThat(undo(undoId, true).status()).isEqualTo(200);
        Answer twice = undo(undoId, true);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("That was undone already.");

        Answer again = editor.post(team.taskPath(), Map.of("title", "Mine again", "version", "2"));
        long late = undoIdIn(editor.get(again.location()).body());
        jdbc.sql("update task_undos set created_at = created_at - interval '14' second where id = ?").param(late).update();
        Answer tooLate = undo(late, false);
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.body()).contains("Too late to undo: an undo is offered for 10 seconds.");
    }

    @Test
    void aDeletedTaskIsPurgedForGoodAfterAMinuteAndItsUndoSaysSo() {
        Answer deleted = editor.post(team.taskPath() + "/delete", Map.of());
        long undoId = undoIdIn(editor.get(deleted.location()).body());
        jdbc.sql("update tasks set deleted_at = deleted_at - interval '2' minute where id = ?").param(team.taskId())
                .update();

        undos.purge();

        assertThat(jdbc.sql("select count(*) from tasks where id = ?").param(team.taskId()).query(Integer.class)
                .single()).isZero();
        Answer gone = undo(undoId, true);
        assertThat(gone.status()).isEqualTo(409);
        assertThat(gone.body()).contains("\u201cFirst task\u201d is gone for good.");
    }

    private Answer undo(long undoId, boolean htmx) {
        String path = team.boardPath() + "/undo/" + undoId;
        if (!htmx) {
            return editor.post(path, Map.of("back", team.taskPath()));
        }
        return editor.send(editor.request(path).header("HX-Request", "true").header("X-CSRF-TOKEN", editor.csrfToken())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("")));
    }

    private static long undoIdIn(String html) {
        Matcher m = UNDO.matcher(html);
        assertThat(m.find()).as("an undo offer in the page").isTrue();
        return Long.parseLong(m.group(1));
    }

    private java.util.List<Long> cardsIn(int column) {
        return BoardHtml.cardsIn(editor.get(team.boardPath()).body(), team.columns().get(column));
    }

    private long lastSeq() {
        return WebSession.lastEventId(editor.get(team.boardPath()).body());
    }

    private String kindAt(long seq) {
        return jdbc.sql("select kind from board_events where board_id = ? and seq = ?").params(team.boardId(), seq)
                .query(String.class).single();
    }
}
