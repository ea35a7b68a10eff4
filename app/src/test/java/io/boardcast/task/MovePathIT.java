package io.boardcast.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.StatementLog;
import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The move is the hottest write: every round trip to the database is a wait on a busy machine. One membership check,
 * nothing read twice, and the log's sequence and row in as few statements as they can be. Its render for the board
 * pages, on every viewer's path, reads where the card is and the counts, not the card.
 */
@Import(StatementLog.class)
class MovePathIT extends TeamIntegration {

    @Autowired
    StatementLog statements;

    @Test
    void aMoveToAnotherColumnTakesFewRoundTripsToTheDatabase() {
        String path = team.boardPath() + "/tasks/" + team.taskId() + "/move";
        statements.clear();

        assertThat(editor.post(path, Map.of("columnId", "" + team.columns().get(1), "version", "0")).status())
                .isEqualTo(302);

        List<String> roundTrips = statements.roundTrips();
        assertThat(roundTrips).as(String.join("\n", roundTrips)).hasSizeLessThanOrEqualTo(10)
                .filteredOn(sql -> sql.contains("from memberships")).hasSize(1);
    }

    @Test
    void aMoveIsRenderedForAnUnfilteredBoardPageWithoutReadingTheCardsLabelsOrPeople() {
        String seq = Long.toString(WebSession.lastEventId(editor.get(team.boardPath()).body()));
        try (SseClient stream = SseClient.open(editor, team.boardPath() + "/events", seq)) {
            statements.clear();
            assertThat(editor.post(team.boardPath() + "/tasks/" + team.taskId() + "/move",
                    Map.of("columnId", "" + team.columns().get(1), "version", "0")).status()).isEqualTo(302);

            assertThat(stream.next(Duration.ofSeconds(10)).data()).contains("hx-preserve=\"true\"");
            List<String> reads = statements.renderRoundTrips();
            assertThat(reads).as(String.join("\n", reads)).isNotEmpty().hasSizeLessThanOrEqualTo(6)
                    .noneMatch(sql -> sql.contains("task_labels") || sql.contains("task_assignees")
                            || sql.contains("from labels"));
        }
    }
}
