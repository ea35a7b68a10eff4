package io.boardcast.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.BoardHtml;
import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.SseClient.Frame;
import io.boardcast.testsupport.WebSession.Answer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Archived tasks leave the board but keep their comments; restored, they come back at the end of their column. */
class ArchiveIT extends TeamIntegration {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    TaskDeadlines deadlines;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anArchivedTaskLeavesTheBoardKeepsItsCommentsAndComesBackAtTheEndOfItsColumn() {
        long todo = team.columns().get(0);
        editor.post(team.taskPath() + "/comments", Map.of("body", "Worth keeping"));
        long other = fixtures.task(team.boardId(), team.owner(), "Stays").getId();

        // A comment leaves the task's version alone: the page's forms still hold version 0.
        Answer archived = editor.post(team.taskPath() + "/archive", Map.of("version", "0"));

        assertThat(archived.status()).isEqualTo(302);
        assertThat(BoardHtml.cardsIn(editor.get(team.boardPath()).body(), todo)).containsExactly(other);
        assertThat(editor.get(team.boardPath() + "/archive").body()).contains("First task", "Restore");
        assertThat(editor.get(team.taskPath()).body()).contains("Archived: not on the board.", "Worth keeping");

        assertThat(editor.post(team.taskPath() + "/restore", Map.of()).status()).isEqualTo(302);
        assertThat(BoardHtml.cardsIn(editor.get(team.boardPath()).body(), todo)).containsExactly(other, team.taskId());
        assertThat(editor.get(team.boardPath() + "/archive").body()).contains("Nothing is archived");
    }

    @Test
    void archiveWithAStaleVersionIsRefusedAndMovingAnArchivedTaskIsTooWithAMessage() {
        editor.post(team.taskPath(), Map.of("title", "Edited meanwhile", "version", "0"));
        assertThat(editor.post(team.taskPath() + "/archive", Map.of("version", "0")).status()).isEqualTo(409);

        editor.post(team.taskPath() + "/archive", Map.of("version", "1"));
        Answer move = editor.post(team.taskPath() + "/move", Map.of("columnId", "" + team.columns().get(1),
                "version", "2"));
        assertThat(move.status()).isEqualTo(422);
        assertThat(move.body()).contains("This task is archived: restore it to the board first.");
    }

    @Test
    void noReminderFiresForAnArchivedTask() {
        jdbc.sql("update tasks set due_at = ? where id = ?")
                .params(Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")), team.taskId()).update();
        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        assertThat(deadlines.due(later, later)).extracting(TaskDeadlines.Due::taskId).contains(team.taskId());

        editor.post(team.taskPath() + "/archive", Map.of());

        assertThat(deadlines.due(later, later)).extracting(TaskDeadlines.Due::taskId).doesNotContain(team.taskId());
    }

    @Test
    void archivingAndRestoringAreLoggedPushedAndReplayed() {
        try (SseClient stream = SseClient.open(editor, team.boardPath() + "/events", "1")) {
            editor.post(team.taskPath() + "/archive", Map.of());
            editor.post(team.taskPath() + "/restore", Map.of());

            Frame archived = stream.next(WAIT);
            Frame restored = stream.next(WAIT);
            assertThat(archived.data()).contains("id=\"task-" + team.taskId() + "\" hx-swap-oob=\"delete\"",
                    "Task archived: First task");
            assertThat(restored.data()).contains("hx-swap-oob=\"beforeend:#column-" + team.columns().get(0)
                    + "-cards\"", "Task restored: First task", "data-order=\"" + team.taskId() + "\"");
        }
        try (SseClient replay = SseClient.open(editor, team.boardPath() + "/events", "1")) {
            assertThat(replay.next(WAIT).id()).isEqualTo("2");
            assertThat(replay.next(WAIT).id()).isEqualTo("3");
        }
    }

    @Test
    void anOpenArchivePageGetsATaskArchivedMeanwhileOnTopAndLosesOneRestored() {
        String page = editor.get(team.boardPath() + "/archive").body();
        assertThat(page).contains("view=archive", "id=\"archive-list\"");
        String seq = Long.toString(io.boardcast.testsupport.WebSession.lastEventId(page));
        try (SseClient archive = SseClient.open(signedIn(team.viewer()), team.boardPath() + "/events?view=archive", seq)) {
            editor.post(team.taskPath() + "/archive", Map.of("version", "0"));
            String added = archive.next(WAIT).data();
            editor.post(team.taskPath() + "/restore", Map.of());
            String removed = archive.next(WAIT).data();

            assertThat(added).contains("hx-swap-oob=\"afterbegin:#archive-list\"",
                    "id=\"archived-" + team.taskId() + "\"", "First task").doesNotContain("Restore");
            assertThat(removed).contains("id=\"archived-" + team.taskId() + "\" hx-swap-oob=\"delete\"");
        }
    }

    @Test
    void changesOfCardsOnTheBoardPushNothingToAnOpenArchivePage() {
        String seq = Long.toString(io.boardcast.testsupport.WebSession.lastEventId(
                editor.get(team.boardPath() + "/archive").body()));
        try (SseClient archive = SseClient.open(signedIn(team.viewer()), team.boardPath() + "/events?view=archive", seq)) {
            editor.post(team.taskPath() + "/move", Map.of("columnId", "" + team.columns().get(1), "version", "0"));
            editor.post(team.taskPath(), Map.of("title", "Renamed", "version", "1"));

            assertThat(archive.next(WAIT).data()).isEmpty();
            assertThat(archive.next(WAIT).data()).isEmpty();
        }
    }
}
