package io.boardcast.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.WebSession.Answer;
import io.boardcast.testsupport.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets an inline message and a 4xx, plain or htmx; never a stack trace or a 500. */
class BadInputIT extends TeamIntegration {

    @Test
    void emptyTitleIsExplained() {
        assertRejected(createTask(Map.of("title", "  ")), "Give the task a title.");
    }

    @Test
    void overlongTitleIsExplained() {
        assertRejected(createTask(Map.of("title", "x".repeat(201))), "A title has at most 200 characters.");
    }

    @Test
    void overlongDescriptionIsExplained() {
        assertRejected(createTask(Map.of("title", "ok", "description", "x".repeat(10_001))),
                "A description has at most 10,000 characters.");
    }

    @Test
    void assigneeWhoIsNotAMemberIsExplained() {
        assertRejected(createTask(Map.of("title", "ok", "assignee", team.outsider())),
                "The assignee must be a member of this board: \u201c" + team.outsider() + "\u201d is not.");
    }

    @Test
    void unparseableDueDateIsExplained() {
        assertRejected(createTask(Map.of("title", "ok", "dueAt", "next tuesday")),
                "Enter the due date as a date and time");
    }

    @Test
    void controlCharactersInATitleAreExplained() {
        assertRejected(createTask(Map.of("title", "nul\u0000byte")),
                "Remove the invisible control characters from this text.");
    }

    @Test
    void controlCharactersInACommentAreExplained() {
        WebSession.Answer page = editor.post(team.taskPath() + "/comments", Map.of("body", "bell\u0007 and nul\u0000"));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("Remove the invisible control characters from this text.");
    }

    @Test
    void lineBreaksAndTabsAreOrdinaryText() {
        assertThat(createTask(Map.of("title", "ok", "description", "line one\r\n\tline two")).status())
                .isEqualTo(302);
    }

    @Test
    void aDueDateNoCalendarCanHoldIsExplained() {
        for (String date : new String[] {"+999999999-12-31T23:59", "-999999999-01-01T00:00", "0001-01-01T00:00"}) {
            assertRejected(createTask(Map.of("title", "ok", "dueAt", date, "zone", "UTC")),
                    "Choose a due date between the years 1900 and 9999.");
        }
    }

    @Test
    void columnOfAnotherBoardIsExplained() {
        Team other = fixtures.team();
        assertRejected(createTask(Map.of("title", "ok", "columnId", other.columns().get(0).toString())),
                "Choose one of this board&#39;s columns.");
    }

    @Test
    void badInputKeepsWhatWasTyped() {
        Answer page = createTask(Map.of("title", "Keep me", "dueAt", "soon"));

        assertThat(page.body()).contains("value=\"Keep me\"");
    }

    @Test
    void htmxCreateWithBadInputAnswersWithTheFormAndItsErrors() {
        Answer page = editor.htmxPost(team.boardPath() + "/tasks", Map.of("title", ""));

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).startsWith("<section id=\"task-create\"").contains("Give the task a title.",
                "aria-invalid=\"true\"");
    }

    @Test
    void editWithBadInputIsExplained() {
        assertRejected(editor.post(team.taskPath(), Map.of("title", "", "version", "0")), "Give the task a title.");
    }

    @Test
    void overlongCommentIsExplained() {
        assertRejected(editor.post(team.taskPath() + "/comments", Map.of("body", "x".repeat(5_001))),
                "A comment has at most 5,000 characters.");
        assertRejected(editor.htmxPost(team.taskPath() + "/comments", Map.of("body", " ")),
                "Write something first.");
    }

    @Test
    void moveToAColumnOfAnotherBoardIsExplained() {
        Team other = fixtures.team();
        Answer page = editor.post(team.taskPath() + "/move",
                Map.of("columnId", other.columns().get(0).toString(), "version", "0"));

        assertRejected(page, "Choose one of this board&#39;s columns.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/boards/abc", "/boards/999999999", "/boards/1/tasks/xyz", "/nowhere"})
    void unknownAddressesGetANotFoundPage(String path) {
        Answer page = editor.get(path);

        assertThat(page.status()).isBetween(400, 404);
        assertThat(page.body()).doesNotContain("Exception", "at io.boardcast");
    }

    @Test
    void moveWithoutAColumnIsABadRequestNotAServerError() {
        Answer page = editor.post(team.taskPath() + "/move", Map.of("version", "0"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("That request didn").doesNotContain("Exception");
    }

    private Answer createTask(Map<String, String> form) {
        return editor.post(team.boardPath() + "/tasks", form);
    }

    private static void assertRejected(Answer page, String message) {
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains(message).doesNotContain("Exception");
    }
}
