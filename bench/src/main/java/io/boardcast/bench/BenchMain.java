package io.boardcast.bench;

import io.boardcast.testsupport.AppProcess;
import io.boardcast.testsupport.AppSettings;
import io.boardcast.testsupport.ProcessStats;
import io.boardcast.testsupport.TestDatabase;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The whole benchmark: a fresh database, two app instances, Nchan, then latency per N (ours and Nchan in the same
 * run), polling vs SSE, and stream capacity on a third instance with a short heartbeat. Everything it starts, it
 * stops; the database is dropped at the end.
 */
public final class BenchMain {

    private static final Logger LOG = Logger.getLogger("bench");

    /** What a run produced; the smoke test checks it. */
    record Report(List<LatencyResult> latency, Path markdown, String text) {
    }

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Report report = run(BenchConfig.fromSystemProperties());
        LOG.info("Results: " + report.markdown().toAbsolutePath());
    }

    static Report run(BenchConfig config) throws Exception {
        if (!Files.isRegularFile(config.appJar())) {
            throw new IllegalStateException("App jar not found: " + config.appJar()
                    + " (build app, or pass -Dboardcast.app.jar / BOARDCAST_APP_JAR)");
        }
        String runId = config.label().replaceAll("[^A-Za-z0-9]", "") + System.currentTimeMillis();
        Path logs = config.outDir().resolve("logs-" + config.label());
        ResultsWriter results = new ResultsWriter(config.label(), header(config));
        List<LatencyResult> latency = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (TestDatabase db = TestDatabase.create("boardcast_bench_");
             StreamClients clients = new StreamClients(4, 2)) {
            AppSettings settings = AppSettings.forRun("bench", db).redis(config.redisHost(), config.redisPort());
            List<AppProcess> apps = new ArrayList<>();
            NchanServer nchan = null;
            try {
                apps.add(startApp(config, "app-a", settings, logs, List.of()));
                apps.add(startApp(config, "app-b", settings, logs, List.of()));
                if (config.nchan() && NchanServer.available()) {
                    nchan = NchanServer.start(logs.resolve("nginx"), config.redisHost(), config.redisPort(), runId);
                }
                LOG.info("Started " + apps.size() + " instances" + (nchan != null ? " and Nchan" : ""));
                BoardFixture fixture = BoardFixture.create(http, apps, config.accounts(), config.tasks(), runId);
                TaskMover mover = new TaskMover(http, fixture.owner, apps.stream().map(AppProcess::baseUrl).toList(),
                        fixture.boardId, fixture.taskId, fixture.columns.get(0), fixture.columns.get(1), 0);

                LOG.info("Warming up");
                ours(fixture, apps, clients, mover, config.warmupViewers(), config.warmupMoves(),
                        config.warmupMovesPerSecond());

                List<String[]> ratios = new ArrayList<>();
                for (int n : config.viewers()) {
                    List<LatencyResult> mine = new ArrayList<>();
                    List<LatencyResult> theirs = new ArrayList<>();
                    for (int r = 0; r < config.repeats(); r++) {
                        LOG.info("Latency N=" + n + " repeat " + (r + 1));
                        List<Viewer> kept = new ArrayList<>();
                        LatencyResult result = ours(fixture, apps, clients, mover, n, config.moves(), config.movesPerSecond(), kept);
                        String payload = kept.isEmpty() || kept.get(0).lastEventData() == null ? "x".repeat((int) result.eventBytes())
                                : kept.get(0).lastEventData();
                        kept.forEach(Viewer::close);
                        mine.add(result);
                        latency.add(result);
                        if (nchan != null) {
                            Thread.sleep(2000);
                            LatencyResult them = nchan(nchan, http, clients, n, config, runId + "-" + n + "-" + r, payload);
                            theirs.add(them);
                            latency.add(them);
                        }
                        Thread.sleep(2000);
                    }
                    if (!theirs.isEmpty()) {
                        ratios.add(ratio(n, mine, theirs));
                    }
                }
                results.latency(latency);
                results.ratios(ratios);
                if (nchan != null) {
                    nchan.close();
                    nchan = null;
                }

                if (config.pollingViewers() > 0) {
                    LOG.info("Polling vs SSE, N=" + config.pollingViewers());
                    PollingRun.Result polling = PollingRun.run(fixture, apps, clients, config.pollingViewers(),
                            config.pollingWindow());
                    LatencyResult sse = ours(fixture, apps, clients, mover, config.pollingViewers(),
                            (int) config.pollingWindow().toSeconds(), 1);
                    results.polling(polling, sse);
                }
                for (AppProcess app : apps) {
                    app.close();
                }
                apps.clear();

                if (!config.capacitySteps().isEmpty()) {
                    Duration heartbeat = Duration.ofSeconds(5);
                    LOG.info("Capacity " + config.capacitySteps());
                    AppProcess single = startApp(config, "app-capacity", settings, logs,
                            List.of("--boardcast.realtime.heartbeat-interval=" + heartbeat.toSeconds() + "s"));
                    apps.add(single);
                    results.capacity(CapacityRun.run(fixture, single, clients, config.capacitySteps(), heartbeat, logs));
                }
            } finally {
                if (nchan != null) {
                    nchan.close();
                }
                for (AppProcess app : apps) {
                    app.close();
                }
            }
        }
        Path md = results.write(config.outDir());
        return new Report(latency, md, results.markdown());
    }

    /** One instance with this run's database, channel and session namespace, and the JFR recording if asked. */
    private static AppProcess startApp(BenchConfig config, String name, AppSettings settings, Path logs,
            List<String> extraArgs) {
        List<String> jvmArgs = config.jfr()
                ? List.of("-XX:StartFlightRecording=filename=" + logs.resolve(name + ".jfr").toAbsolutePath()
                        + ",settings=profile,dumponexit=true")
                : List.of();
        // The viewers share a few accounts and sessions: no per-session or per-user stream cap in any run (with the
        // caps, 50 sessions × 16 streams let only 800 viewers in, and the latency rows measured 800, not N).
        List<String> args = new ArrayList<>(List.of("--boardcast.realtime.max-streams-per-session=1000000",
                "--boardcast.realtime.max-streams-per-user=1000000"));
        args.addAll(config.appArgs());
        args.addAll(extraArgs);
        return AppProcess.builder(name, settings).jar(config.appJar()).java(config.appJava()).logDir(logs).jvmArgs(jvmArgs).args(args).start();
    }

    private static LatencyResult ours(BoardFixture fixture, List<AppProcess> apps, StreamClients clients,
            TaskMover mover, int n, int edits, double perSecond) throws Exception {
        return ours(fixture, apps, clients, mover, n, edits, perSecond, null);
    }

    private static LatencyResult ours(BoardFixture fixture, List<AppProcess> apps, StreamClients clients,
            TaskMover mover, int n, int edits, double perSecond, List<Viewer> keep) throws Exception {
        LatencyRun.Target target = new LatencyRun.Target("boardcast", fixture.streamRequests(n, apps), Viewer.BY_ID,
                mover, apps, apps.stream().mapToLong(AppProcess::pid).toArray());
        return LatencyRun.run(target, clients, fixture.nextSeq(apps.get(0)), edits, perSecond, keep != null, keep);
    }

    private static LatencyResult nchan(NchanServer nchan, HttpClient http, StreamClients clients, int n,
            BenchConfig config, String channel, String payload) throws Exception {
        List<java.net.http.HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(nchan.subscribe(channel));
        }
        LatencyRun.Target target = new LatencyRun.Target("nchan", requests, Viewer.BY_FIRST_DATA_LINE,
                nchan.publisher(http, channel, payload), List.of(), nchan.pids());
        return LatencyRun.run(target, clients, 1, config.moves(), config.movesPerSecond(), false, null);
    }

    private static String[] ratio(int n, List<LatencyResult> mine, List<LatencyResult> theirs) {
        double p50 = median(mine.stream().map(r -> r.latency().p50()).toList());
        double p99 = median(mine.stream().map(r -> r.latency().p99()).toList());
        double np50 = median(theirs.stream().map(r -> r.latency().p50()).toList());
        double np99 = median(theirs.stream().map(r -> r.latency().p99()).toList());
        return new String[] {Integer.toString(n), ResultsWriter.num(p50), ResultsWriter.num(np50),
                ResultsWriter.num(p50 / np50) + "×", ResultsWriter.num(p99), ResultsWriter.num(np99),
                ResultsWriter.num(p99 / np99) + "×"};
    }

    private static double median(List<Double> values) {
        return LatencyPlot.median(values);
    }

    private static String header(BenchConfig config) {
        return String.join("\n",
                "- started: " + Instant.now() + ", load average at start: " + ProcessStats.loadAverage(),
                "- app JVM: `" + config.appJava() + "` (" + javaVersion(config.appJava()) + "); bench JVM: "
                        + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                "- viewers " + config.viewers() + ", " + config.moves() + " moves at " + config.movesPerSecond()
                        + "/s, " + config.accounts() + " viewer accounts, " + config.tasks() + " tasks, repeats "
                        + config.repeats(),
                "- extra app arguments: " + (config.appArgs().isEmpty() ? "none (as shipped)" : "`" + String.join(" ", config.appArgs()) + "`"));
    }

    private static String javaVersion(String java) {
        try {
            Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).lines().skip(1).findFirst().orElse("?");
            p.waitFor();
            return out.strip();
        } catch (Exception e) {
            return "?";
        }
    }
}
