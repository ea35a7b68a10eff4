package io.boardcast.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.SseClient.Frame;
import io.boardcast.testsupport.WebSession;
import io.boardcast.testsupport.WebSession.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

/** A board's labels: managed on the Labels page, put on tasks through the task form, shown by name on cards. */
class LabelFlowsIT extends TeamIntegration {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aLabelPutOnATaskShowsByNameOnItsCardAndLeavesWithTheLabel() {
        long bug = addLabel("Bug", "RED");
        long ux = addLabel("UX", "BLUE");

        Answer edited = editLabels(team.taskPath(), "0", bug, ux);

        assertThat(edited.status()).isEqualTo(302);
        assertThat(card(team.boardPath(), team.taskId())).contains("class=\"label label-RED\">Bug<",
                "class=\"label label-BLUE\">UX<");
        assertThat(editor.get(team.taskPath()).body()).contains("value=\"" + bug + "\" checked");

        assertThat(editor.post(labels() + "/" + bug + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(card(team.boardPath(), team.taskId())).contains(">UX<").doesNotContain(">Bug<");
    }

    @Test
    void badLabelInputIsAnsweredInline() {
        addLabel("Bug", "RED");

        Answer duplicate = editor.post(labels(), Map.of("name", " bug ", "color", "GREEN"));
        Answer empty = editor.post(labels(), Map.of("name", "", "color", "GREEN"));
        Answer tooLong = editor.post(labels(), Map.of("name", "x".repeat(31), "color", "GREEN"));
        Answer colour = editor.post(labels(), Map.of("name", "Odd", "color", "CHARTREUSE"));

        assertThat(List.of(duplicate.status(), empty.status(), tooLong.status(), colour.status())).containsOnly(422);
        assertThat(duplicate.body()).contains("This board already has a label called \u201cbug\u201d.");
        assertThat(empty.body()).contains("Give the label a name.");
        assertThat(tooLong.body()).contains("A label name has at most 30 characters.");
        assertThat(colour.body()).contains("Choose one of the colours.");
    }

    @Test
    void anotherBoardsLabelIsRefusedOnATaskAndAStaleLabelEditIsAConflict() {
        Team other = fixtures.team();
        WebSession otherOwner = signedIn(other.owner());
        otherOwner.post(other.boardPath() + "/labels", Map.of("name", "Theirs", "color", "PINK"));
        long theirs = WebSession.ids(otherOwner.get(other.boardPath() + "/labels").body(), "label-settings").get(0);

        Answer refused = editLabels(team.taskPath(), "0", theirs);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Choose labels of this board.");

        long bug = addLabel("Bug", "RED");
        editor.post(labels() + "/" + bug, Map.of("name", "Defect", "color", "RED", "version", "0"));
        Answer stale = editor.post(labels() + "/" + bug, Map.of("name", "Issue", "color", "RED", "version", "0"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else changed this label first", "value=\"Defect\"");
    }

    @Test
    void labelChangesArePushedAsTheBoardsBodyAndReplayed() {
        long bug = addLabel("Bug", "RED");
        editLabels(team.taskPath(), "0", bug);
        try (SseClient stream = SseClient.open(signedIn(team.viewer()), team.boardPath() + "/events", "3")) {
            editor.post(labels() + "/" + bug, Map.of("name", "Defect", "color", "ORANGE", "version", "0"));

            Frame changed = stream.next(WAIT);
            assertThat(changed.id()).isEqualTo("4");
            assertThat(changed.data()).contains("id=\"columns\"", "class=\"label label-ORANGE\">Defect<",
                    "Label changed");
        }
    }

    private long addLabel(String name, String color) {
        assertThat(editor.post(labels(), Map.of("name", name, "color", color)).status()).isEqualTo(302);
        String page = editor.get(labels()).body();
        List<Long> ids = WebSession.ids(page, "label-settings");
        return ids.stream().filter(id -> page.contains("id=\"label-" + id + "-name\" name=\"name\" value=\"" + name + "\""))
                .findFirst().orElseThrow();
    }

    /** The task's edit form posted with these labels ticked (a repeated field). */
    private Answer editLabels(String taskPath, String version, long... labelIds) {
        LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("title", "First task");
        fields.add("version", version);
        fields.add("_csrf", editor.csrfToken());
        for (long id : labelIds) {
            fields.add("labelIds", Long.toString(id));
        }
        StringBuilder body = new StringBuilder();
        fields.forEach((key, values) -> values.forEach(value -> body.append(body.isEmpty() ? "" : "&")
                .append(key).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8))));
        return editor.send(editor.request(taskPath).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private String card(String boardPath, long taskId) {
        String page = editor.get(boardPath).body();
        int start = page.indexOf("id=\"task-" + taskId + "\"");
        return page.substring(start, page.indexOf("</li>", page.indexOf("class=\"card-meta\"", start)));
    }

    private String labels() {
        return team.boardPath() + "/labels";
    }
}
