package io.boardcast.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boardcast.board.BoardService;
import io.boardcast.board.LabelColor;
import io.boardcast.board.LabelForm;
import io.boardcast.board.Labels;
import io.boardcast.board.Role;
import io.boardcast.importer.ImportJob.Status;
import io.boardcast.support.TeamIntegration;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import io.boardcast.testsupport.WebSession.Answer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /boards/{b}/import} and {@code GET /boards/{b}/export.csv}, against PostgreSQL. */
class CsvImportIT extends TeamIntegration {

    private static final Logger log = LoggerFactory.getLogger(CsvImportIT.class);
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final int ROWS = 400;
    private static final Pattern JOB = Pattern.compile("/boards/(\\d+)/import/(\\d+)$");

    @Autowired
    ImportJobs jobs;

    @Autowired
    Importer importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BoardService boards;

    @Autowired
    Labels labels;

    @Test
    void goodRowsAreCreatedAndBadRowsAreReportedByLineAndLeftOut() {
        String csv = """
                title,description,column,assignees,due,labels
                Write the plan,"Two
                lines",In progress,%1$s,2026-12-24T17:00Z,
                ,no title,,,,
                Unknown column,,Later,,,
                Not a member,,,%2$s,,
                Bad date,,,,next tuesday,
                Unknown label,,,,,Feature
                %3$s,,,,,
                Ship it,,Done,%1$s;%4$s,2026-12-31,
                Last one,,,,,
                """.formatted(team.editor(), team.outsider(), "x".repeat(201), team.viewer());

        ImportJob job = finished(importAs(editor, team.boardId(), csv));

        assertThat(job.status()).isEqualTo(Status.DONE);
        assertThat(job.total()).isEqualTo(9);
        assertThat(job.created()).isEqualTo(3);
        assertThat(job.failed()).isEqualTo(6);
        assertThat(jobs.problems(job.id(), 100)).extracting(ImportJob.Problem::line)
                .containsExactly(4, 5, 6, 7, 8, 9);
        assertThat(titles(team.boardId())).containsExactlyInAnyOrder("First task", "Write the plan", "Ship it", "Last one");
        // The row with a non-member among its assignees left nothing behind, and the good ones have all their parts.
        assertThat(jdbc.sql("select count(*) from tasks t join task_assignees a on a.task_id = t.id where t.board_id = ?")
                .param(team.boardId()).query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select description from tasks where title = 'Write the plan' and board_id = ?")
                .param(team.boardId()).query(String.class).single()).isEqualTo("Two\nlines");
        // The activity names the importer.
        assertThat(jdbc.sql("select distinct actor from board_events where board_id = ? and kind = 'TASK_CREATED' and task_title <> 'First task'")
                .param(team.boardId()).query(String.class).list()).containsExactly(team.editor());

        String page = editor.get(team.boardPath() + "/import/" + job.id()).body();
        assertThat(page).contains("Line 4:", "Give the task a title.", "Line 5:", "no column called \u201cLater\u201d",
                "Line 6:", "is not a member", "Line 7:", "not a date", "Line 8:", "no label called \u201cFeature\u201d",
                "Line 9:", "at most 200 characters", "3 created", "6 skipped", "value=\"9\"", "max=\"9\"",
                "sse-connect=\"/boards/" + team.boardId() + "/events?lastEventId=", "view=activity");
    }

    @Test
    void aFileThatIsNotAnImportFileIsRefusedOnTheFormAndStartsNoJob() {
        assertRefused(editor.postFile(team.boardPath() + "/import", Map.of(), "file", "cat.png", "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G'}), 422, "Choose a CSV file");
        assertRefused(importFile(editor, team.boardId(), "Buy milk,today\n"), 422, "header");
        assertRefused(importFile(editor, team.boardId(), "title\n\"never closed\n"), 422, "not a CSV file we can read");
        assertRefused(editor.postFile(team.boardPath() + "/import", Map.of(), "file", "big.csv", "text/csv",
                ("title\n" + "x\n".repeat(3_000_000)).getBytes(StandardCharsets.UTF_8)), 413, "larger than 5 MB");
        assertRefused(editor.post(team.boardPath() + "/import", Map.of()), 422, "Choose a CSV file to import");

        assertThat(jobs.recent(team.boardId(), 10)).isEmpty();
    }

    @Test
    void theImportersPageGetsProgressAtLeastEveryQuarterSecondAndOthersGetTheCards() throws Exception {
        String seq = Long.toString(WebSession.lastEventId(editor.get(team.boardPath()).body()));
        try (SseClient stream = SseClient.open(signedIn(team.viewer()), team.boardPath() + "/events?page=importer-test", seq)) {
            ImportJob job = finished(importAs(editor, team.boardId(), rows(ROWS)));

            assertThat(job.created()).isEqualTo(ROWS);
            await().atMost(WAIT).until(() -> stream.frames().stream()
                    .anyMatch(f -> "signal".equals(f.event()) && f.data().contains("data-status=\"DONE\"")));
            List<SseClient.Frame> progress = stream.frames().stream()
                    .filter(f -> "signal".equals(f.event()) && f.data().contains("id=\"import-job-" + job.id() + "\""))
                    .toList();
            List<Long> gapsMillis = new ArrayList<>();
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < progress.size(); i++) {
                values.add(value(progress.get(i).data()));
                if (i > 0) {
                    gapsMillis.add((progress.get(i).receivedNanos() - progress.get(i - 1).receivedNanos()) / 1_000_000);
                }
            }
            assertThat(progress.size()).isGreaterThanOrEqualTo(3);
            List<Long> sorted = gapsMillis.stream().sorted().toList();
            long p90 = sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1);
            log.info("Import of {} rows took {} s: {} progress frames, gaps median {} ms, p90 {} ms, max {} ms",
                    ROWS, job.seconds(), progress.size(), sorted.get(sorted.size() / 2), p90, sorted.get(sorted.size() - 1));
            assertThat(values).isSorted().last().isEqualTo(ROWS);
            // Every progress-interval (150 ms); a loaded machine delays a few frames, never most of them.
            assertThat(p90).isLessThanOrEqualTo(250);
            // The viewer's board page got every card as it was created (the ordinary, logged path), once. The last
            // card's event travels the board channel and the job's end the signal channel: either may come first.
            await().atMost(WAIT).until(() -> lastCardFrames(stream) > 0);
            assertThat(lastCardFrames(stream)).isEqualTo(1);
        }
    }

    private static long lastCardFrames(SseClient stream) {
        return stream.frames().stream().filter(f -> "board".equals(f.event()) && f.data().contains("Row " + ROWS + "<"))
                .count();
    }

    @Test
    void cancellingStopsTheJobBetweenRowsFromAnotherRequest() {
        long jobId = importAs(editor, team.boardId(), rows(10_000));
        await().atMost(WAIT).until(() -> jobs.find(team.boardId(), jobId).orElseThrow().done() > 0);

        WebSession viewer = signedIn(team.viewer());
        assertThat(viewer.post(team.boardPath() + "/import/" + jobId + "/cancel", Map.of()).status()).isEqualTo(403);
        Answer cancelled = signedIn(team.owner()).post(team.boardPath() + "/import/" + jobId + "/cancel", Map.of());

        assertThat(cancelled.status()).isEqualTo(302);
        ImportJob job = finished(jobId);
        assertThat(job.status()).isEqualTo(Status.CANCELLED);
        assertThat(job.created()).isLessThan(10_000);
        assertThat(titles(team.boardId())).hasSize(job.created() + 1);
        assertThat(viewer.get(team.boardPath() + "/import/" + jobId).body()).contains("Cancelled");
    }

    @Test
    void aRunningJobNobodyHeartbeatsIsMarkedFailedByAnyInstancesSweep() {
        long orphan = runningJob(team.boardId(), "a-stopped-instance", Instant.now().minus(Duration.ofMinutes(5)));
        long alive = runningJob(team.boardId(), "a-live-instance", Instant.now());

        importer.sweep(); // (the scheduled sweep may get there first)

        ImportJob failed = jobs.find(team.boardId(), orphan).orElseThrow();
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.failure()).isEqualTo(Importer.ORPHANED);
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(jobs.find(team.boardId(), alive).orElseThrow().status()).isEqualTo(Status.RUNNING);
        assertThat(editor.get(team.boardPath() + "/import/" + orphan).body()).contains("Failed",
                "The instance running it stopped.");
        jobs.finish(alive, Status.DONE, null, Instant.now());
    }

    @Test
    void exportThenImportIntoANewBoardGivesTheSameCards() throws Exception {
        labels.add(team.boardId(), team.owner(), labelForm("Bug"));
        labels.add(team.boardId(), team.owner(), labelForm("Urgent"));
        importAndWait(editor, team.boardId(), """
                title,description,column,assignees,due,labels
                =SUM(A1:A9),"@here, a ""quoted"" line
                and a second",In progress,%1$s;%2$s,2026-12-24T17:05Z,Bug;urgent
                -minus,'=already escaped,Done,,,
                Plain,,,,2027-01-02T08:00+02:00,
                """.formatted(team.editor(), team.owner()));
        HttpResponse<String> export = download(editor, team.boardId());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv")
                .containsIgnoringCase("charset=UTF-8");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains(".csv");
        assertThat(export.body()).contains("'=SUM(A1:A9)", "'-minus", "'=already escaped", "'@here", "2026-12-24T17:05Z",
                "2027-01-02T06:00Z", "Bug;Urgent");

        long copy = boards.create("Copy", team.owner()).getId();
        boards.addMember(copy, team.owner(), team.editor(), Role.EDITOR);
        labels.add(copy, team.owner(), labelForm("bug"));
        labels.add(copy, team.owner(), labelForm("Urgent"));
        WebSession owner = signedIn(team.owner());
        importAndWait(owner, copy, export.body());

        assertThat(download(owner, copy).body().replace("bug", "Bug")).isEqualTo(export.body());
    }

    @Test
    void onlyMembersSeeAJobAndOnlyOnItsOwnBoard() {
        long jobId = importAndWait(editor, team.boardId(), "title\nOne\n").id();
        long otherBoard = boards.create("Elsewhere", team.outsider()).getId();

        assertThat(signedIn(team.outsider()).get(team.boardPath() + "/import/" + jobId).status()).isEqualTo(404);
        assertThat(signedIn(team.outsider()).get("/boards/" + otherBoard + "/import/" + jobId).status()).isEqualTo(404);
        assertThat(signedIn(team.outsider()).get(team.boardPath() + "/export.csv").status()).isEqualTo(404);
        assertThat(signedIn(team.viewer()).get(team.boardPath() + "/import/" + jobId).body()).contains("1 created")
                .doesNotContain("Cancel import");
        assertThat(signedIn(team.viewer()).get(team.boardPath() + "/import").body()).doesNotContain("type=\"file\"");
        assertThat(importFile(signedIn(team.viewer()), team.boardId(), "title\nNo\n").status()).isEqualTo(403);
    }

    private ImportJob importAndWait(WebSession who, long boardId, String csv) {
        ImportJob job = finished(importAs(who, boardId, csv));
        assertThat(job.status()).isEqualTo(Status.DONE);
        assertThat(job.failed()).as("skipped rows: %s", jobs.problems(job.id(), 10)).isZero();
        return job;
    }

    private static long importAs(WebSession who, long boardId, String csv) {
        Answer started = importFile(who, boardId, csv);
        assertThat(started.status()).as(started.body()).isEqualTo(302);
        Matcher job = JOB.matcher(started.location());
        assertThat(job.find()).as(started.location()).isTrue();
        assertThat(Long.parseLong(job.group(1))).isEqualTo(boardId);
        return Long.parseLong(job.group(2));
    }

    private static Answer importFile(WebSession who, long boardId, String csv) {
        return who.postFile("/boards/" + boardId + "/import", Map.of("zone", "UTC"), "file", "backlog.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
    }

    private ImportJob finished(long jobId) {
        return await().atMost(WAIT).until(() -> jdbc.sql("select board_id from import_jobs where id = ?").param(jobId)
                        .query(Long.class).optional().flatMap(board -> jobs.find(board, jobId)).orElseThrow(),
                job -> !job.running());
    }

    private static void assertRefused(Answer answer, int status, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).contains("id=\"import-problem\"", message);
    }

    private static HttpResponse<String> download(WebSession who, long boardId) throws Exception {
        return who.client().send(who.request("/boards/" + boardId + "/export.csv").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private List<String> titles(long boardId) {
        return jdbc.sql("select title from tasks where board_id = ?").param(boardId).query(String.class).list();
    }

    private long runningJob(long boardId, String instance, Instant heartbeat) {
        return jobs.start(boardId, team.editor(), "elsewhere.csv", 100, instance, heartbeat);
    }

    static String rows(int count) {
        StringBuilder csv = new StringBuilder("title,description\n");
        for (int i = 1; i <= count; i++) {
            csv.append("Row ").append(i).append(",Imported card number ").append(i).append('\n');
        }
        return csv.toString();
    }

    private static int value(String html) {
        Matcher value = Pattern.compile("<progress[^>]*value=\"(\\d+)\"").matcher(html);
        assertThat(value.find()).as(html).isTrue();
        return Integer.parseInt(value.group(1));
    }

    private static LabelForm labelForm(String name) {
        LabelForm form = new LabelForm();
        form.setName(name);
        form.setColor(LabelColor.values()[0]);
        return form;
    }
}
