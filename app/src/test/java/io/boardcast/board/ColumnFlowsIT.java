package io.boardcast.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.BoardHtml;
import io.boardcast.support.TeamIntegration;
import io.boardcast.task.TaskDeadlines;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.SseClient.Frame;
import io.boardcast.testsupport.WebSession.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A team's own columns: added, renamed, limited, flagged as done, reordered and deleted through plain forms. */
class ColumnFlowsIT extends TeamIntegration {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    TaskDeadlines deadlines;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAddedColumnComesLastWithItsLimit() {
        Answer added = editor.post(columns(), Map.of("name", "Review", "wipLimit", "2"));

        assertThat(added.status()).isEqualTo(302);
        assertThat(added.location()).endsWith(columns());
        String board = board();
        List<Long> ids = BoardHtml.columnsOf(board);
        assertThat(ids).hasSize(4).startsWith(team.columns().toArray(Long[]::new));
        assertThat(board).contains("id=\"column-" + ids.get(3) + "-name\">Review<", ">0 / 2<");
    }

    @Test
    void badColumnInputIsAnsweredInlineAndAddsNothing() {
        Answer empty = editor.post(columns(), Map.of("name", "  "));
        Answer tooLong = editor.post(columns(), Map.of("name", "x".repeat(61)));
        Answer wordLimit = editor.post(columns(), Map.of("name", "Review", "wipLimit", "ten"));
        Answer zeroLimit = editor.post(columns(), Map.of("name", "Review", "wipLimit", "0"));

        assertThat(List.of(empty.status(), tooLong.status(), wordLimit.status(), zeroLimit.status()))
                .containsOnly(422);
        assertThat(empty.body()).contains("Give the column a name.");
        assertThat(tooLong.body()).contains("A column name has at most 60 characters.");
        assertThat(wordLimit.body()).contains("Enter the limit as a whole number");
        assertThat(zeroLimit.body()).contains("A limit is at least 1");
        assertThat(BoardHtml.columnsOf(board())).hasSize(3);
        Answer badEdit = editor.post(column(0), Map.of("name", "", "version", "0"));
        assertThat(badEdit.status()).isEqualTo(422);
        assertThat(badEdit.body()).contains("Give the column a name.", "aria-invalid=\"true\"");
    }

    @Test
    void renamingAndLimitingNeedTheCurrentVersion() {
        Answer renamed = editor.post(column(1), Map.of("name", "Doing", "wipLimit", "3", "version", "0"));
        Answer stale = editor.post(column(1), Map.of("name", "Working", "version", "0"));

        assertThat(renamed.status()).isEqualTo(302);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else changed this column first", "value=\"Doing\"");
        assertThat(board()).contains(">Doing<", ">0 / 3<").doesNotContain("Working");
    }

    @Test
    void columnsMoveToAClampedPosition() {
        long done = team.columns().get(2);

        assertThat(editor.post(column(2) + "/move", Map.of("position", "0")).status()).isEqualTo(302);
        assertThat(BoardHtml.columnsOf(board())).containsExactly(done, team.columns().get(0), team.columns().get(1));

        editor.post(column(2) + "/move", Map.of("position", "99"));
        assertThat(BoardHtml.columnsOf(board())).containsExactlyElementsOf(team.columns());
        assertThat(editor.post(column(2) + "/move", Map.of("position", "last")).status()).isBetween(400, 499);
    }

    @Test
    void aColumnWithTasksIsDeletedOnlyWithSomewhereForThem() {
        long todo = team.columns().get(0);
        long done = team.columns().get(2);
        long other = fixtures.task(team.boardId(), team.owner(), "Finished").getId();
        editor.post(team.boardPath() + "/tasks/" + other + "/move",
                Map.of("columnId", "" + done, "version", "0"));

        Answer refused = editor.post(column(0) + "/delete", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("\u201cTo do\u201d still has tasks");
        assertThat(editor.post(column(0) + "/delete", Map.of("moveTasksTo", "" + todo)).status()).isEqualTo(409);

        Answer deleted = editor.post(column(0) + "/delete", Map.of("moveTasksTo", "" + done));
        assertThat(deleted.status()).isEqualTo(302);
        String board = board();
        assertThat(BoardHtml.columnsOf(board)).containsExactly(team.columns().get(1), done);
        assertThat(BoardHtml.cardsIn(board, done)).containsExactly(other, team.taskId());
    }

    @Test
    void aBoardKeepsItsLastColumn() {
        long todo = team.columns().get(0);
        editor.post(column(1) + "/delete", Map.of());
        editor.post(column(2) + "/delete", Map.of());

        Answer refused = editor.post(column(0) + "/delete", Map.of("moveTasksTo", "" + todo));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("A board keeps at least one column");
        assertThat(BoardHtml.columnsOf(board())).containsExactly(todo);
    }

    @Test
    void remindersStopForTasksInAColumnThatCountsAsDoneWhicheverItIs() {
        Instant past = Instant.parse("2020-01-01T00:00:00Z");
        jdbc.sql("update tasks set due_at = ? where id = ?").params(java.sql.Timestamp.from(past), team.taskId())
                .update();
        editor.post(team.taskPath() + "/move", Map.of("columnId", "" + team.columns().get(2), "version", "0"));
        assertThat(overdue()).doesNotContain(team.taskId());
        assertThat(board()).contains("class=\"column done\" id=\"column-" + team.columns().get(2) + "\"");

        // A rename without the checkbox's marker leaves the flag alone; unticking it (marker, no box) clears it.
        editor.post(column(2), Map.of("name", "Shipped", "version", "0"));
        assertThat(overdue()).doesNotContain(team.taskId());
        editor.post(column(2), Map.of("name", "Shipped", "_done", "on", "version", "1"));
        assertThat(overdue()).contains(team.taskId());

        editor.post(column(0), Map.of("name", "To do", "_done", "on", "done", "true", "version", "0"));
        editor.post(team.taskPath() + "/move", Map.of("columnId", "" + team.columns().get(0), "version", "1"));
        assertThat(overdue()).doesNotContain(team.taskId());
    }

    @Test
    void everyColumnChangeIsLoggedAndPushedAsTheBoardsColumnsToEveryViewer() {
        try (SseClient stream = SseClient.open(signedIn(team.viewer()), team.boardPath() + "/events", "1")) {
            editor.post(columns(), Map.of("name", "Review"));
            editor.post(column(0), Map.of("name", "Backlog", "version", "0"));
            editor.post(column(0), Map.of("name", "Backlog", "wipLimit", "4", "version", "1"));
            editor.post(column(2) + "/move", Map.of("position", "0"));
            editor.post(column(1) + "/delete", Map.of());

            assertPushed(stream.next(WAIT), 2, "Column added: Review", ">Review<");
            assertPushed(stream.next(WAIT), 3, "Column renamed: Backlog", ">Backlog<");
            assertPushed(stream.next(WAIT), 4, "Column limit changed: Backlog", ">1 / 4<");
            assertPushed(stream.next(WAIT), 5, "Column moved: Done");
            Frame deleted = stream.next(WAIT);
            assertPushed(deleted, 6, "A column was deleted");
            assertThat(deleted.data()).doesNotContain("id=\"column-" + team.columns().get(1) + "\"");
        }
        // Replayed to a page that subscribes from before them, like any other change.
        try (SseClient replay = SseClient.open(signedIn(team.viewer()), team.boardPath() + "/events", "4")) {
            assertThat(replay.next(WAIT).id()).isEqualTo("5");
            assertThat(replay.next(WAIT).id()).isEqualTo("6");
        }
    }

    private static void assertPushed(Frame frame, long seq, String... contents) {
        assertThat(frame.id()).isEqualTo(Long.toString(seq));
        assertThat(frame.data()).contains("id=\"columns\" class=\"columns\" hx-swap-oob=\"true\"",
                "data-editable=\"false\"").contains(contents).doesNotContain("column-handle", "drag-handle");
    }

    private List<Long> overdue() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        return deadlines.due(now, now).stream().map(TaskDeadlines.Due::taskId).toList();
    }

    private String board() {
        return editor.get(team.boardPath()).body();
    }

    private String columns() {
        return team.boardPath() + "/columns";
    }

    private String column(int index) {
        return columns() + "/" + team.columns().get(index);
    }
}
