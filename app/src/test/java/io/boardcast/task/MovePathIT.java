package io.boardcast.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.StatementLog;
import io.boardcast.support.TeamIntegration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The move is the hottest write: every round trip to the database is a wait on a busy machine. One membership check,
 * nothing read twice, and the log's sequence and row in as few statements as they can be.
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
}
