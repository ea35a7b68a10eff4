package io.boardcast.faults;

import static org.awaitility.Awaitility.await;

import io.boardcast.testsupport.AppProcess;
import io.boardcast.testsupport.ProcessStats;
import io.boardcast.testsupport.WebSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The fault suite: two app instances on this run's PostgreSQL database and a Redis of the suite's own, viewers on
 * both instances, editors posting forms through both, and one fault per row. Each row is judged against the same
 * targets (see {@link Row}); the report says which missed and why. {@link #main} runs the full size (run.sh), the
 * smoke test the small one.
 */
public final class FaultSuite {

    private static final Logger LOG = Logger.getLogger("faults");
    private static final double CONVERGE_LIMIT_SECONDS = 5;
    private static final Duration CONVERGE_WAIT = Duration.ofSeconds(30);

    /** What a run produced. */
    record Report(List<Row> rows, Path markdown, int corpusSize) {

        boolean passed() {
            return rows.stream().allMatch(Row::passed);
        }
    }

    /** How many hostile inputs the corpus row sent (known once that row has run). */
    private int corpusSize;
    private final FaultConfig config;
    private final Stage stage;

    private FaultSuite(FaultConfig config, Stage stage) {
        this.config = config;
        this.stage = stage;
    }

    public static void main(String[] args) throws Exception {
        Report report = run(FaultConfig.fromSystemProperties());
        LOG.info("Results: " + report.markdown().toAbsolutePath());
        System.exit(report.passed() ? 0 : 1);
    }

    static Report run(FaultConfig config) throws Exception {
        Path work = Path.of("target", "faults-" + config.label());
        Files.createDirectories(work);
        Instant started = Instant.now();
        List<Row> rows = new ArrayList<>();
        String load = ProcessStats.loadAverage();
        FaultSuite suite;
        try (Stage stage = Stage.start(work)) {
            suite = new FaultSuite(config, stage);
            suite.maybe(rows, "a", "Redis pub/sub connections killed mid-edit (CLIENT KILL TYPE pubsub)", suite::pubSubKilled);
            suite.maybe(rows, "b", "Redis paused for 5 s mid-edit (CLIENT PAUSE 5000)", suite::redisPaused);
            suite.maybe(rows, "c", "Redis crashed and restarted mid-edit (SIGKILL, same port, AOF)", suite::redisRestarted);
            suite.maybe(rows, "d", "PostgreSQL connections of the run's database terminated mid-edit", suite::postgresTerminated);
            suite.maybe(rows, "i", "Corpus of bad inputs over HTTP", suite::corpus);
            // Before f and g, so what their thousands of streams leave behind does not count against its heap.
            suite.maybe(rows, "h", "Soak: many streams, steady edits", suite::soak);
            if (config.runs("f") || config.runs("g")) {
                try (Probe probe = new Probe(stage)) {
                    Probe.Latency baseline = probe.measure(config.probeWindow(), config.probePerSecond());
                    LOG.info("Healthy-stream baseline: " + baseline);
                    // g before f: sockets that never read can leave an instance wedged after they are gone.
                    suite.maybe(rows, "g", "Parallel full-window replays (Last-Event-ID: 0)", row -> suite.replays(row, probe, baseline));
                    suite.maybe(rows, "f", "Sockets that never read on a busy board (large comments)", row -> suite.slowSockets(row, probe, baseline));
                    if (probe.answers.serverErrors() > 0) {
                        rows.get(rows.size() - 1).note("the probe's own moves got " + probe.answers);
                    }
                    if (probe.reopened() > 0) {
                        rows.get(rows.size() - 1).note("the probe's stream had ended and was reopened " + probe.reopened() + " times");
                    }
                }
            }
            // Last: the killed instance need not come back for another row.
            suite.maybe(rows, "e", "Instance holding viewers killed (SIGKILL); viewers resume on the other", suite::instanceKilled);
        }
        rows.sort((x, y) -> x.key.compareTo(y.key));
        Path md = ResultsWriter.write(config, rows, started, load, suite.corpusSize);
        return new Report(rows, md, suite.corpusSize);
    }

    private void maybe(List<Row> rows, String key, String fault, Body body) {
        if (config.runs(key)) {
            rows.add(row(key, fault, body));
        }
    }

    interface Body {
        void run(Row row) throws Exception;
    }

    /** Runs one row; an exception fails the row, not the suite. Afterwards both instances are up again. */
    private Row row(String key, String fault, Body body) {
        Row row = new Row(key, fault);
        LOG.info("Row " + key + ": " + fault);
        long start = System.nanoTime();
        try {
            body.run(row);
        } catch (Exception | AssertionError e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            row.fail("the row itself failed: " + e + (cause != e ? " (cause: " + cause + ")" : ""));
        }
        for (AppProcess app : stage.apps) {
            if (!app.isAlive() && !"e".equals(key)) {
                row.fail(app.name() + " died during the row; see " + app.log());
                app.start();
            }
        }
        LOG.info(String.format("Row %s %s in %.0f s: %s", key, row.passed() ? "passed" : "FAILED",
                (System.nanoTime() - start) / 1e9, row.passed() ? "" : row.failures));
        return row;
    }

    // --- a to e: a fault in the middle of edits -------------------------------------------------------------------

    private void pubSubKilled(Row row) throws Exception {
        midEdit(row, () -> row.note("CLIENT KILL TYPE pubsub: " + stage.redis.killPubSubClients() + " connections"));
    }

    private void redisPaused(Row row) throws Exception {
        midEdit(row, () -> {
            stage.redis.pause(5000);
            Thread.sleep(5000); // the fault's window itself
        });
    }

    private void redisRestarted(Row row) throws Exception {
        midEdit(row, () -> {
            long down = System.nanoTime();
            stage.redis.crashAndRestart();
            row.note(String.format("Redis down for %.1f s", (System.nanoTime() - down) / 1e9));
        });
    }

    private void postgresTerminated(Row row) throws Exception {
        midEdit(row, () -> row.note("terminated " + stage.db.terminateConnections() + " backends"));
    }

    private void instanceKilled(Row row) throws Exception {
        midEdit(row, () -> stage.a().kill());
    }

    interface Fault {
        void inject() throws Exception;
    }

    /**
     * Two viewers on each instance, editors through both; edits before the fault, during it and after it. Then
     * every viewer's ids are checked against the board's log: contiguous from where it started, no repeats, and how
     * long after the fault's end the last of them had it all.
     */
    private void midEdit(Row row, Fault fault) throws Exception {
        Stage.Board board = stage.board("Row " + row.key, config.editors());
        List<LiveViewer> viewers = new ArrayList<>();
        List<Editor> editors = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                viewers.add(stage.watch(row.key + "-viewer-" + i, board, i % 2, true));
            }
            long before = stage.lastSeq(board.id());
            for (long task : board.tasks()) {
                editors.add(new Editor(stage, board, task, config.editsPerSecond(), 100_000, "Comment on " + task).start());
            }
            Thread.sleep(config.beforeFault().toMillis());
            fault.inject();
            long faultEnd = System.currentTimeMillis();
            Thread.sleep(config.afterFault().toMillis());
            for (Editor editor : editors) {
                editor.stop();
            }
            judge(row, board, viewers, editors, before, faultEnd);
        } finally {
            viewers.forEach(LiveViewer::close);
        }
    }

    private void judge(Row row, Stage.Board board, List<LiveViewer> viewers, List<Editor> editors, long before,
            long faultEnd) {
        long last = stage.lastSeq(board.id());
        awaitConverged(viewers, last);
        Answers total = new Answers();
        for (Editor editor : editors) {
            total.committed.addAndGet(editor.answers.committed.get());
            total.conflicts.addAndGet(editor.answers.conflicts.get());
            total.refused.addAndGet(editor.answers.refused.get());
            total.serverErrors.addAndGet(editor.answers.serverErrors());
            total.noAnswer.addAndGet(editor.answers.noAnswer.get());
        }
        row.note("writes: " + total + "; board log: " + (last - before) + " events");
        // A write the app confirmed must be in the log once; the log may hold more only for writes without a clean answer.
        long logged = last - before;
        if (logged < total.committed.get()) {
            row.fail((total.committed.get() - logged) + " confirmed writes missing from the log");
            row.lost += total.committed.get() - logged;
        }
        long unanswered = total.serverErrors() + total.noAnswer.get();
        if (logged > total.committed.get() + unanswered) {
            row.fail((logged - total.committed.get() - unanswered) + " more log events than writes");
            row.twice += logged - total.committed.get() - unanswered;
        }
        if (total.refused.get() > 0) {
            row.note(total.refused + " writes refused (4xx other than 409)");
        }
        row.serverErrors += total.serverErrors();
        viewerOutcomes(row, viewers, last);
        row.convergeSeconds = convergence(board.id(), viewers, faultEnd);
        row.checkDelivery();
        row.checkConvergence(CONVERGE_LIMIT_SECONDS);
    }

    private void viewerOutcomes(Row row, List<LiveViewer> viewers, long last) {
        for (LiveViewer viewer : viewers) {
            row.lost += viewer.missingUpTo(last);
            row.twice += viewer.repeats.get();
            row.serverErrors += viewer.serverErrors.get();
            if (viewer.undocumentedResyncs.get() > 0) {
                row.fail(viewer.name() + ": " + viewer.undocumentedResyncs + " resyncs outside the documented case");
            }
            if (!viewer.problems.isEmpty()) {
                row.note(viewer.name() + " (from " + viewer.startSeq() + " to " + viewer.lastSeq() + ", "
                        + viewer.reconnectCount + " reconnects): " + viewer.problems.subList(0, Math.min(5, viewer.problems.size())));
            }
        }
        int reconnects = viewers.stream().mapToInt(v -> v.reconnectCount.get()).sum();
        int documented = viewers.stream().mapToInt(v -> v.documentedResyncs.get()).sum();
        row.note(viewers.size() + " viewers, " + reconnects + " reconnects" + (documented > 0 ? ", " + documented
                + " documented resyncs" : ""));
    }

    private static void awaitConverged(List<LiveViewer> viewers, long last) {
        try {
            await().atMost(CONVERGE_WAIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> viewers.stream().allMatch(v -> v.lastSeq() >= last));
        } catch (ConditionTimeoutException stillBehind) {
            // judged below: the missing events count as lost
        }
    }

    /**
     * The latest any viewer got an event after the fault ended: for events committed by the fault's end, arrival
     * minus the fault's end; for later ones, arrival minus their commit (the live path must be back).
     */
    private double convergence(long boardId, List<LiveViewer> viewers, long faultEnd) {
        Map<Long, Long> committedAt = new HashMap<>();
        try (Connection connection = stage.db.connect();
             PreparedStatement query = connection.prepareStatement(
                     "select seq, (extract(epoch from created_at) * 1000)::bigint from board_events where board_id = ?")) {
            query.setLong(1, boardId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    committedAt.put(rows.getLong(1), rows.getLong(2));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        long worst = 0;
        for (LiveViewer viewer : viewers) {
            for (Map.Entry<Long, Long> event : committedAt.entrySet()) {
                if (event.getKey() <= viewer.startSeq()) {
                    continue;
                }
                Long arrived = viewer.arrivals.get(event.getKey());
                if (arrived == null) {
                    if (viewer.lastSeq() < event.getKey()) {
                        return Double.POSITIVE_INFINITY; // never arrived
                    }
                    continue; // skipped by a documented resync, or counted as lost
                }
                worst = Math.max(worst, arrived - Math.max(faultEnd, event.getValue()));
            }
        }
        return worst / 1000.0;
    }

    // --- f and g: a healthy stream on another board while one board suffers ------------------------------------

    private void slowSockets(Row row, Probe probe, Probe.Latency baseline) throws Exception {
        Stage.Board busy = stage.board("Busy", 2);
        LiveViewer healthy = stage.watch("f-viewer-on-busy-board", busy, 1, false);
        List<Editor> editors = new ArrayList<>();
        try (SlowSockets sockets = new SlowSockets()) {
            int open = sockets.open(stage.a(), busy.id(), stage.viewer.cookie(), config.slowSockets(), Duration.ofSeconds(120));
            row.note(open + " sockets that never read on " + stage.a().name() + (sockets.failed() > 0 ? " ("
                    + sockets.failed() + " could not connect)" : ""));
            if (open < config.slowSockets()) {
                row.fail("only " + open + " of " + config.slowSockets() + " slow sockets opened");
            }
            long before = stage.lastSeq(busy.id());
            String big = "Large comment ".repeat(config.commentChars() / 14 + 1).substring(0, config.commentChars() - 8);
            for (long task : busy.tasks()) {
                editors.add(new Editor(stage, busy, task, config.busyCommentsPerSecond() / busy.tasks().size(), 100_000,
                        big, true).start());
            }
            Probe.Latency during = probe.measure(config.probeWindow(), config.probePerSecond());
            for (Editor editor : editors) {
                editor.stop();
            }
            row.note("busy board: " + (stage.lastSeq(busy.id()) - before) + " large comments");
            latency(row, baseline, during);
            editors.forEach(e -> row.serverErrors += e.answers.serverErrors());
            long last = stage.lastSeq(busy.id());
            awaitConverged(List.of(healthy), last);
            viewerOutcomes(row, List.of(healthy), last);
        } finally {
            healthy.close();
        }
        row.checkDelivery();
    }

    private void replays(Row row, Probe probe, Probe.Latency baseline) throws Exception {
        Stage.Board board = stage.board("Replayed", 1);
        Editor filler = new Editor(stage, board, board.tasks().get(0), 1000, config.replayEvents() - 1, "Filler");
        filler.run(); // on this thread, as fast as the app takes them
        long last = stage.lastSeq(board.id());
        row.note("replayed board has " + last + " events (replay window " + LiveViewer.REPLAY_WINDOW + "); filling: " + filler.answers);
        row.serverErrors += filler.answers.serverErrors();
        if (last > LiveViewer.REPLAY_WINDOW) {
            row.fail("the replayed board has more events than the replay window; the test setup is wrong");
        }
        // Browsers replaying: on overflow (the window is larger than a stream's queue) the server ends the stream and
        // the browser resumes with its Last-Event-ID, as LiveViewer does.
        List<LiveViewer> all = new ArrayList<>();
        Thread waves = new Thread(() -> {
            long deadline = System.nanoTime() + config.probeWindow().toNanos();
            for (int wave = 0; wave < 20 && System.nanoTime() < deadline; wave++) {
                List<LiveViewer> streams = new ArrayList<>();
                for (int i = 0; i < config.replayStreams(); i++) {
                    streams.add(new LiveViewer("replay-" + wave + "-" + i, stage.streamClient(), stage.viewer,
                            stage.apps, 0, board.id(), 0, stage.reconnects, false).open());
                }
                try {
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                            .until(() -> streams.stream().allMatch(s -> s.lastSeq() >= last));
                } catch (ConditionTimeoutException slow) {
                    // judged below
                }
                streams.forEach(LiveViewer::close);
                synchronized (all) {
                    all.addAll(streams);
                }
            }
        }, "replay-waves");
        waves.start();
        Probe.Latency during = probe.measure(config.probeWindow(), config.probePerSecond());
        waves.join(300_000);
        latency(row, baseline, during);
        synchronized (all) {
            long complete = all.stream().filter(v -> v.lastSeq() >= last).count();
            int reconnects = all.stream().mapToInt(v -> v.reconnectCount.get()).sum();
            for (LiveViewer replay : all) {
                row.lost += replay.missingUpTo(last);
                row.twice += replay.repeats.get();
                row.serverErrors += replay.serverErrors.get();
            }
            row.note(all.size() + " replays of " + last + " events from Last-Event-ID 0, " + complete
                    + " complete within 60 s of their wave's start, " + reconnects + " reconnects (a stream ends on "
                    + "overflow and resumes from its last id); events not delivered within that minute count as lost");
        }
        row.checkDelivery();
    }

    private static void latency(Row row, Probe.Latency baseline, Probe.Latency during) {
        row.latency = String.format("p99 %.0f ms during vs %.0f ms baseline (%.1f×)", during.p99(), baseline.p99(),
                during.p99() / baseline.p99());
        row.note("healthy stream during: " + during + "; baseline: " + baseline);
        if (during.missing() > 0) {
            row.fail(during.missing() + " of the healthy stream's events never arrived");
            row.lost += during.missing();
        }
        if (during.p99() > 2 * baseline.p99()) {
            row.fail(String.format("healthy-stream p99 %.0f ms is %.1f× the baseline %.0f ms (target ≤ 2×)",
                    during.p99(), during.p99() / baseline.p99(), baseline.p99()));
        }
    }

    // --- h: soak ---------------------------------------------------------------------------------------------------

    private void soak(Row row) throws Exception {
        // Enough editors for the rate: each waits for its previous answer, and on two busy cores that takes a while.
        int editorCount = (int) Math.max(4, Math.ceil(config.soakEditsPerSecond()));
        Stage.Board board = stage.board("Soak", editorCount);
        List<LiveViewer> viewers = new ArrayList<>();
        List<Editor> editors = new ArrayList<>();
        try {
            long from = WebSession.lastEventId(stage.viewer.boardPage(stage.a().baseUrl(), board.id()));
            long openDeadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            for (int i = 0; i < config.soakStreams() && System.nanoTime() < openDeadline; i++) {
                viewers.add(new LiveViewer("soak-" + i, stage.streamClient(), stage.viewer, stage.apps, i % 2, board.id(),
                        from, stage.reconnects, false).open());
                if (i % 200 == 199) {
                    for (LiveViewer v : viewers.subList(i - 199, i + 1)) {
                        v.awaitOpen();
                    }
                }
            }
            long openNow = viewers.stream().filter(LiveViewer::isOpen).count();
            row.note(openNow + " of " + config.soakStreams() + " streams open at the start");
            long editing = System.nanoTime();
            for (long task : board.tasks()) {
                editors.add(new Editor(stage, board, task, config.soakEditsPerSecond() / board.tasks().size(), 1_000_000,
                        "Soak comment").start());
            }
            // Heap is compared from after a warm-up (classes loaded, caches and each feed's recent events filled).
            Duration warmUp = Duration.ofSeconds(Math.min(30, Math.max(2, config.soakDuration().toSeconds() / 4)));
            Thread.sleep(warmUp.toMillis());
            long[] heapStart = heaps();
            Thread.sleep(config.soakDuration().minus(warmUp).toMillis());
            for (Editor editor : editors) {
                editor.stop();
                row.serverErrors += editor.answers.serverErrors();
            }
            long last = stage.lastSeq(board.id());
            // Measured, not configured: the two heap measurements (full GCs) run while the editors keep editing.
            double seconds = (System.nanoTime() - editing) / 1e9;
            row.note(String.format("%d events in %.0f s (%.1f/s), editors: %s", last - from, seconds,
                    (last - from) / seconds, editors.get(0).answers + " (first of " + editors.size() + ")"));
            long convergeStart = System.nanoTime();
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                        .until(() -> viewers.stream().allMatch(v -> v.lastSeq() >= last));
                row.convergeSeconds = (System.nanoTime() - convergeStart) / 1e9;
            } catch (ConditionTimeoutException stillBehind) {
                row.convergeSeconds = Double.POSITIVE_INFINITY;
            }
            row.note(String.format("every stream had every event %.1f s after the last edit", row.convergeSeconds));
            if (last - from < config.soakEditsPerSecond() * seconds * 0.9) {
                row.note(String.format("the editors reached %.1f of %.0f edits/s (each waits for its answer)",
                        (last - from) / seconds, config.soakEditsPerSecond()));
            }
            long[] heapEnd = heaps();
            heap(row, heapStart, heapEnd, warmUp);
            viewerOutcomes(row, viewers, last);
        } finally {
            viewers.forEach(LiveViewer::close);
        }
        gaugeBackToZero(row);
        row.checkDelivery();
        row.checkConvergence(CONVERGE_LIMIT_SECONDS);
    }

    private long[] heaps() {
        return stage.apps.stream().mapToLong(AppProcess::heapUsedAfterGc).toArray();
    }

    private static void heap(Row row, long[] start, long[] end, Duration warmUp) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < start.length; i++) {
            double change = (end[i] - start[i]) * 100.0 / start[i];
            parts.add(String.format("%s %.0f → %.0f MB (%+.1f %%)", i == 0 ? "A" : "B", start[i] / 1048576.0,
                    end[i] / 1048576.0, change));
            // Growth is what a leak looks like. A drop is what earlier rows leave behind being freed (soft-referenced
            // caches, buffers of the corpus's huge requests) and is reported, not failed.
            if (change > 10) {
                row.fail(String.format("heap after GC on instance %s grew %+.1f %% over the soak (target ≤ +10 %%)",
                        i == 0 ? "A" : "B", change));
            }
        }
        row.heap = String.join(", ", parts);
        row.note("heap after GC (jcmd GC.run, GC.heap_info) " + warmUp.toSeconds() + " s into the soak and at its end: "
                + row.heap);
    }

    private void gaugeBackToZero(Row row) {
        long start = System.nanoTime();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> openStreams() == 0);
            row.gauge = String.format("0 after %.0f s", (System.nanoTime() - start) / 1e9);
        } catch (ConditionTimeoutException stillOpen) {
            double open = openStreams();
            row.gauge = Double.isNaN(open) ? "unreadable" : String.format("%.0f after 60 s", open);
            row.fail(Double.isNaN(open) ? "boardcast_streams_open could not be read from /actuator/prometheus"
                    : String.format("boardcast_streams_open still %.0f 60 s after every client left", open));
        }
    }

    /** {@code boardcast_streams_open} summed over both instances; NaN if the metric is not readable. */
    private double openStreams() {
        double total = 0;
        for (AppProcess app : stage.apps) {
            String text = app.prometheus();
            if (!text.contains("boardcast_streams_open")) {
                return Double.NaN;
            }
            total += io.boardcast.testsupport.Prometheus.sum(text, "boardcast_streams_open", "");
        }
        return total;
    }

    // --- i ---------------------------------------------------------------------------------------------------------

    private void corpus(Row row) throws Exception {
        List<Corpus.Outcome> outcomes = new Corpus(stage).run();
        corpusSize = outcomes.size();
        Map<String, Integer> byCategory = new java.util.TreeMap<>();
        outcomes.forEach(o -> byCategory.merge(o.category(), 1, Integer::sum));
        row.note(outcomes.size() + " requests: " + byCategory);
        outcomes.stream().filter(o -> o.millis() > 2000).forEach(o -> row.note("slow answer: " + o.category() + " / "
                + o.name() + ": " + o.status() + " after " + o.millis() + " ms"));
        for (Corpus.Outcome outcome : outcomes) {
            if (outcome.status() >= 500) {
                row.serverErrors++;
            }
            if (outcome.problem() != null) {
                row.fail(outcome.category() + " / " + outcome.name() + ": " + outcome.problem());
            }
        }
        if (outcomes.size() < 150) {
            row.fail("only " + outcomes.size() + " bad inputs (target ≥ 150)");
        }
        row.gauge = "";
    }
}
