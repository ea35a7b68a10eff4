package io.boardcast.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An open task page follows its task: a move, an edit, an archive or a deletion by someone else reaches it, saying who
 * (the log records the person behind every change).
 */
class TaskPageLiveIT extends TeamIntegration {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aMoveShowsTheNewColumnOnTheTaskPageButPushesNoSummaryToBoardPages() {
        try (SseClient page = SseClient.open(editor, team.boardPath() + "/events?view=task", lastSeq());
                SseClient board = open()) {
            owner().post(team.taskPath() + "/move", Map.of("columnId", team.columns().get(1).toString(), "version", "0"));

            assertThat(page.next(WAIT).data()).contains("id=\"task-" + team.taskId() + "-summary\"",
                    "<p class=\"column-name\">In <strong>In progress</strong></p>");
            assertThat(board.next(WAIT).data()).contains("Task moved").doesNotContain("-summary\"");
        }
    }

    @Test
    void anEditTellsOpenEditFormsWhoChangedItAndWhichVersion() {
        try (SseClient page = open()) {
            owner().post(team.taskPath(), Map.of("title", "Renamed by the owner", "version", "0"));

            assertThat(page.next(WAIT).data()).contains("<h1>Renamed by the owner</h1>",
                    "id=\"task-" + team.taskId() + "-changed\" hx-swap-oob=\"true\" data-version=\"1\"",
                    "<strong>" + team.owner() + "</strong> changed this task",
                    "href=\"" + team.taskPath() + "\">Load their version into the form</a>");
        }
    }

    @Test
    void aTaskPagesStreamAlsoGetsALineOfTheTasksHistory() {
        try (SseClient page = SseClient.open(editor, team.boardPath() + "/events?view=task", lastSeq())) {
            owner().post(team.taskPath(), Map.of("title", "Renamed", "version", "0"));

            assertThat(page.next(WAIT).data()).contains("<h1>Renamed</h1>",
                    "hx-swap-oob=\"afterbegin:#task-" + team.taskId() + "-history-list\"",
                    "<strong class=\"actor\">" + team.owner() + "</strong>");
        }
    }

    @Test
    void aViewerIsNotOfferedToLoadAnotherVersionIntoAFormTheyDoNotHave() {
        try (SseClient page = SseClient.open(signedIn(team.viewer()), team.boardPath() + "/events", lastSeq())) {
            owner().post(team.taskPath(), Map.of("title", "Renamed", "version", "0"));

            assertThat(page.next(WAIT).data()).contains("<h1>Renamed</h1>").doesNotContain("changed this task");
        }
    }

    @Test
    void aDeletionSaysWhoDeletedTheTask() {
        try (SseClient page = open()) {
            owner().post(team.taskPath() + "/delete", Map.of("version", "0"));

            assertThat(page.next(WAIT).data()).contains("id=\"task-" + team.taskId() + "-gone\" hx-swap-oob=\"true\" data-gone=\"deleted\"",
                    "<strong>" + team.owner() + "</strong>", "deleted this task.");
        }
    }

    @Test
    void anArchiveSaysWhoAndOffersEditorsTheRestoreAndARestoreClearsIt() {
        try (SseClient page = open()) {
            owner().post(team.taskPath() + "/archive", Map.of("version", "0"));
            String archived = page.next(WAIT).data();
            owner().post(team.taskPath() + "/restore", Map.of());
            String restored = page.next(WAIT).data();

            assertThat(archived).contains("data-gone=\"archived\"", "archived this task",
                    "action=\"" + team.taskPath() + "/restore\"");
            assertThat(restored).contains("id=\"task-" + team.taskId() + "-gone\" hx-swap-oob=\"true\"></div>")
                    .doesNotContain("data-gone=");
        }
    }

    @Test
    void theTaskPageHasEmptyPlacesForWhatBecomesOfTheTask() {
        String page = editor.get(team.taskPath()).body();

        assertThat(page).contains("<div class=\"task-gone\" id=\"task-" + team.taskId() + "-gone\"></div>",
                "<div class=\"changed-notice\" id=\"task-" + team.taskId() + "-changed\"></div>");
    }

    private SseClient open() {
        return SseClient.open(editor, team.boardPath() + "/events", lastSeq());
    }

    private WebSession owner() {
        return signedIn(team.owner());
    }

    private String lastSeq() {
        return Long.toString(WebSession.lastEventId(editor.get(team.taskPath()).body()));
    }
}
