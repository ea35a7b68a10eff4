package io.boardcast.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A measurement, not a timed test: imports a 10,000-row file (with a board stream open, as the importer's page
 * would have) and logs how long it took and how far apart the progress frames came. It only asserts that the job
 * finished with every row. Its name keeps it out of the integration tests {@code ./mvnw verify} runs (it takes minutes);
 * it runs when named (README, "Import and export"; {@code import.rows} sets another size):
 * {@code ./mvnw -B -pl app -am verify -Dit.test=ImportTimingMeasurement -Dtest=NoSuchTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}
 */
class ImportTimingMeasurement extends TeamIntegration {

    private static final Logger log = LoggerFactory.getLogger(ImportTimingMeasurement.class);
    static final int ROWS = Integer.getInteger("import.rows", 10_000);

    @Autowired
    ImportJobs jobs;

    @Test
    void tenThousandRows() {
        String seq = Long.toString(WebSession.lastEventId(editor.get(team.boardPath()).body()));
        try (SseClient stream = SseClient.open(editor, team.boardPath() + "/events?page=importer-test", seq)) {
            long started = System.nanoTime();
            WebSession.Answer answer = editor.postFile(team.boardPath() + "/import", Map.of("zone", "UTC"), "file",
                    "big.csv", "text/csv", CsvImportIT.rows(ROWS).getBytes(StandardCharsets.UTF_8));
            long jobId = Long.parseLong(answer.location().substring(answer.location().lastIndexOf('/') + 1));
            ImportJob job = await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> jobs.find(team.boardId(), jobId).orElseThrow(), done -> !done.running());
            long wallMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(job.created()).isEqualTo(ROWS);
            List<Long> arrivals = stream.frames().stream()
                    .filter(f -> "signal".equals(f.event()) && f.data().contains("id=\"import-job-" + jobId + "\""))
                    .map(SseClient.Frame::receivedNanos).toList();
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < arrivals.size(); i++) {
                gaps.add((arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000);
            }
            List<Long> sorted = gaps.stream().sorted().toList();
            log.info("IMPORT TIMING: {} rows in {} s by the job ({} rows/s), {} ms from the upload to the end seen;"
                            + " {} progress frames, gaps median {} ms, p95 {} ms, max {} ms", ROWS, job.seconds(),
                    job.rate(), wallMillis, arrivals.size(), sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2),
                    sorted.isEmpty() ? -1 : sorted.get((int) (sorted.size() * 0.95)),
                    sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
        }
    }
}
