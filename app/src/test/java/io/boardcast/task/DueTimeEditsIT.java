package io.boardcast.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.TeamIntegration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Editing a task's other fields never moves its deadline: the form shows due times to the minute in the browser's
 * zone, and coming back unchanged it keeps the stored instant, even in a fall-back hour that names two instants.
 */
class DueTimeEditsIT extends TeamIntegration {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeadlineInTheSecondOccurrenceOfAFallBackHourSurvivesAnEditOfTheTitle() {
        // 01:30 UTC on 25 October 2026 is 02:30 CET, the second 02:30 in Berlin that night (the first is CEST).
        assertThat(setDue("2026-10-25T01:30", "UTC")).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));

        // A browser in Berlin shows it as 02:30 and sends that back with the new title.
        assertThat(editor.post(team.taskPath(), Map.of("title", "Renamed", "dueAt", "2026-10-25T02:30",
                "zone", "Europe/Berlin", "version", Long.toString(version()))).status()).isEqualTo(302);

        assertThat(dueAt()).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
    }

    @Test
    void secondsAreDroppedSoTheFormShowsExactlyWhatIsStored() {
        assertThat(setDue("2026-12-01T10:00:30", "UTC")).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));

        assertThat(editor.post(team.taskPath(), Map.of("title", "Renamed", "dueAt", "2026-12-01T10:00",
                "zone", "UTC", "version", Long.toString(version()))).status()).isEqualTo(302);

        assertThat(dueAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void aChangedDueTimeIsStillTakenInTheBrowsersZone() {
        setDue("2026-10-25T01:30", "UTC");

        editor.post(team.taskPath(), Map.of("title", "Moved deadline", "dueAt", "2026-10-26T09:00",
                "zone", "Europe/Berlin", "version", Long.toString(version())));

        assertThat(dueAt()).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    private Instant setDue(String local, String zone) {
        assertThat(editor.post(team.taskPath(), Map.of("title", "First task", "dueAt", local, "zone", zone,
                "version", Long.toString(version()))).status()).isEqualTo(302);
        return dueAt();
    }

    private long version() {
        return jdbc.sql("select version from tasks where id = ?").param(team.taskId()).query(Long.class).single();
    }

    private Instant dueAt() {
        return jdbc.sql("select due_at from tasks where id = ?").param(team.taskId())
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).single();
    }
}
