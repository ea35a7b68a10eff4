package io.boardcast.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.SseClient.Frame;
import io.boardcast.testsupport.WebSession;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A move is the most frequent change, so what it pushes to every open board page is kept small: for an ordinary card
 * (the benchmark's title, a label, an assignee, a due date, on a board of eight cards) at most 600 bytes of
 * {@code data:}, whatever the size of the columns involved.
 */
class MoveEventSizeIT extends TeamIntegration {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int LIMIT = 600;

    @Test
    void aMoveOfAnOrdinaryCardPushesAtMost600BytesToEditorsAndViewers() {
        long card = ordinaryCard();
        for (int i = 2; i <= 7; i++) {
            fixtures.task(team.boardId(), team.owner(), "Bench task " + i + " with a title of a usual length");
        }
        String seq = Long.toString(WebSession.lastEventId(editor.get(team.boardPath()).body()));
        try (SseClient editors = SseClient.open(editor, team.boardPath() + "/events", seq);
                SseClient viewers = SseClient.open(signedIn(team.viewer()), team.boardPath() + "/events", seq)) {
            assertThat(editor.post(team.boardPath() + "/tasks/" + card + "/move",
                    Map.of("columnId", "" + team.columns().get(1), "position", "0", "version", "1")).status())
                    .isEqualTo(302);

            Frame forEditors = editors.next(WAIT);
            Frame forViewers = viewers.next(WAIT);

            System.out.println("MOVE EVENT SIZE editor=" + bytes(forEditors) + " viewer=" + bytes(forViewers));
            assertThat(forEditors.data()).contains("Task moved");
            assertThat(bytes(forEditors)).isLessThanOrEqualTo(LIMIT);
            assertThat(bytes(forViewers)).isLessThanOrEqualTo(LIMIT);
        }
    }

    /** The team's task made like the benchmark's card, with a label, an assignee and a due date. */
    private long ordinaryCard() {
        editor.post(team.boardPath() + "/labels", Map.of("name", "Bug", "color", "RED"));
        String labels = editor.get(team.boardPath() + "/labels").body();
        long label = WebSession.ids(labels, "label-settings").get(0);
        String due = LocalDateTime.ofInstant(Instant.now().plus(3, ChronoUnit.DAYS), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES).toString();
        String form = "title=Bench+task+1+with+a+title+of+a+usual+length&description=Some+words&assignees="
                + team.editor() + "&labelIds=" + label + "&dueAt=" + due + "&zone=UTC&version=0&_csrf="
                + editor.csrfToken();
        assertThat(editor.send(editor.request(team.taskPath()).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))).status())
                .isEqualTo(302);
        assertThat(editor.get(team.boardPath()).body()).contains("Bench task 1", ">Bug<", "<time class=\"due\"");
        return team.taskId();
    }

    private static int bytes(Frame frame) {
        return frame.data().getBytes(StandardCharsets.UTF_8).length;
    }
}
