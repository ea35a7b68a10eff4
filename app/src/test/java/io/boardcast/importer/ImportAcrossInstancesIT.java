package io.boardcast.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boardcast.importer.ImportJob.Status;
import io.boardcast.support.Fixtures;
import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.Instance;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances sharing PostgreSQL and Redis: a job running on one shows its progress on a stream held by the other,
 * and when the instance running it stops mid-job, the job ends as failed, never left running.
 */
class ImportAcrossInstancesIT {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private static Instance one;
    private static Instance two;

    @BeforeAll
    static void startInstances() {
        one = Instance.start("postgres,redis");
        two = Instance.start("postgres,redis", "boardcast.importer.sweep-interval=500ms",
                "boardcast.importer.orphaned-after=3s");
    }

    @AfterAll
    static void stopInstances() {
        Instance.closeAll(one, two);
    }

    @Test
    void progressFromOneInstanceReachesAStreamOnTheOtherAndAStoppedInstancesJobEndsFailed() {
        Team team = two.fixtures().team();
        WebSession viewerOnTwo = WebSession.newBrowser(two.baseUrl()).signIn(team.viewer(), Fixtures.PASSWORD);
        WebSession editorOnOne = WebSession.newBrowser(one.baseUrl()).signIn(team.editor(), Fixtures.PASSWORD);
        ImportJobs jobs = two.bean(ImportJobs.class);
        String seq = Long.toString(WebSession.lastEventId(viewerOnTwo.get(team.boardPath()).body()));

        try (SseClient stream = SseClient.open(viewerOnTwo, team.boardPath() + "/events?page=importer-test", seq)) {
            WebSession.Answer started = editorOnOne.postFile(team.boardPath() + "/import", Map.of(), "file",
                    "big.csv", "text/csv", CsvImportIT.rows(10_000).getBytes(StandardCharsets.UTF_8));
            long jobId = Long.parseLong(started.location().substring(started.location().lastIndexOf('/') + 1));
            String progress = "id=\"import-job-" + jobId + "\"";
            await().atMost(WAIT).until(() -> stream.frames().stream().filter(f -> "signal".equals(f.event())
                    && f.data().contains(progress) && !f.data().contains("value=\"0\"")).count() >= 3);

            one.close();

            ImportJob job = await().atMost(WAIT).until(() -> jobs.find(team.boardId(), jobId).orElseThrow(),
                    ended -> !ended.running());
            assertThat(job.status()).isEqualTo(Status.FAILED);
            assertThat(job.failure()).isEqualTo(Importer.ORPHANED);
            assertThat(job.created()).isLessThan(10_000);
            await().atMost(WAIT).until(() -> stream.frames().stream().anyMatch(f -> "signal".equals(f.event())
                    && f.data().contains(progress) && f.data().contains("data-status=\"FAILED\"")));
        }
    }

    @Test
    void aJobWhoseInstanceVanishedWithoutAWordIsFailedByTheOthersSweep() {
        Team team = two.fixtures().team();
        ImportJobs jobs = two.bean(ImportJobs.class);
        // As a killed instance leaves it: running, its heartbeat no longer renewed.
        long jobId = jobs.start(team.boardId(), team.editor(), "killed.csv", 100, "a-killed-instance",
                java.time.Instant.now());

        ImportJob job = await().atMost(WAIT).until(() -> jobs.find(team.boardId(), jobId).orElseThrow(),
                ended -> !ended.running());

        assertThat(job.status()).isEqualTo(Status.FAILED);
        assertThat(job.failure()).isEqualTo(Importer.ORPHANED);
    }
}
