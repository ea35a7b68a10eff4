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
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * What an idle stream costs on each server set-up, side by side in one run: for every option (a jar and its extra
 * arguments, e.g. Tomcat as shipped, Tomcat with other buffers, the Jetty build) one instance alone, the capacity
 * steps of {@link CapacityRun} (heap after a full GC and RSS per stream, heartbeats on time) and a class histogram at
 * every step. Options run one after another against the same database, Redis namespace and signed-in viewers.
 * <p>
 * Properties: {@code bench.memory.options} (names, comma-separated), {@code bench.memory.<name>.jar},
 * {@code bench.memory.<name>.args} (space-separated {@code --name=value}), {@code bench.memory.streams}
 * (10000,20000), {@code bench.memory.heartbeat-seconds} (5), {@code bench.label}, {@code bench.out}.
 */
public final class StreamMemoryMain {

    private static final Logger LOG = Logger.getLogger("bench");

    /** Every option gets these: a short heartbeat to check, and no per-user cap (the viewers share 50 accounts). */
    private static final List<String> COMMON_ARGS = List.of(
            "--boardcast.realtime.max-streams-per-session=1000000",
            "--boardcast.realtime.max-streams-per-user=1000000");

    record Option(String name, Path jar, List<String> args) {
    }

    private StreamMemoryMain() {
    }

    public static void main(String[] args) throws Exception {
        String label = System.getProperty("bench.label", "stream-memory");
        Path out = Path.of(System.getProperty("bench.out", "results"));
        List<Integer> streams = Arrays.stream(System.getProperty("bench.memory.streams", "10000,20000").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        Duration heartbeat = Duration.ofSeconds(Integer.getInteger("bench.memory.heartbeat-seconds", 5));
        String java = System.getProperty("bench.app.java",
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<Option> options = new ArrayList<>();
        for (String name : System.getProperty("bench.memory.options", "default").split(",")) {
            String jar = System.getProperty("bench.memory." + name + ".jar");
            options.add(new Option(name, jar == null ? AppProcess.defaultJar() : Path.of(jar).toAbsolutePath(),
                    Arrays.stream(System.getProperty("bench.memory." + name + ".args", "").split(" "))
                            .filter(a -> !a.isBlank()).toList()));
        }
        Path md = run(label, out, options, streams, heartbeat, java);
        LOG.info("Results: " + md.toAbsolutePath());
    }

    static Path run(String label, Path out, List<Option> options, List<Integer> streams, Duration heartbeat,
            String java) throws Exception {
        Path logs = out.resolve("logs-" + label);
        StringBuilder md = new StringBuilder("## Idle streams per instance: heap and RSS per stream, by server set-up\n\n")
                .append("- started: ").append(Instant.now()).append(", load average at start: ")
                .append(ProcessStats.loadAverage()).append("\n- app JVM: `").append(java).append("`; bench JVM: ")
                .append(System.getProperty("java.version")).append("; heartbeat every ").append(heartbeat.toSeconds())
                .append(" s (late: a gap > 1.5× that); heap = used after a full GC (jcmd GC.run), per stream = (heap − ")
                .append("heap after 50 streams were opened and closed) / open streams; RSS likewise\n")
                .append("- every option also gets `").append(String.join(" ", COMMON_ARGS)).append("`\n");
        options.forEach(o -> md.append("- **").append(o.name()).append("**: `").append(Path.of("").toAbsolutePath().relativize(o.jar()))
                .append("` ").append(o.args().isEmpty() ? "(no extra arguments)" : "`" + String.join(" ", o.args()) + "`")
                .append('\n'));
        StringBuilder summary = new StringBuilder("\n| option | streams | open | heap KB/stream | RSS KB/stream "
                + "| late heartbeats | max gap s | load avg | failure |\n|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        StringBuilder details = new StringBuilder();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        // Short: usernames are built from it (at most 40 characters).
        String runId = "sm" + System.currentTimeMillis();
        try (TestDatabase db = TestDatabase.create("boardcast_bench_");
             StreamClients clients = new StreamClients(8, 2)) {
            AppSettings settings = AppSettings.forRun("bench", db);
            BoardFixture fixture = null;
            for (Option option : options) {
                LOG.info("Option " + option.name() + ": " + option.jar() + " " + option.args());
                List<String> args = new ArrayList<>(COMMON_ARGS);
                args.add("--boardcast.realtime.heartbeat-interval=" + heartbeat.toSeconds() + "s");
                args.addAll(option.args());
                try (AppProcess app = AppProcess.builder("app-" + option.name(), settings).jar(option.jar())
                        .java(java).logDir(logs).args(args).start()) {
                    if (fixture == null) {
                        fixture = BoardFixture.create(http, List.of(app), 50, 8, runId);
                    }
                    CapacityRun.Result result = CapacityRun.run(fixture, app, clients, streams, heartbeat,
                            logs.resolve(option.name()), true);
                    for (CapacityRun.Step s : result.steps()) {
                        summary.append(row(option.name(), s.target(), s.open(), s.heapPerStreamKb(),
                                s.rssPerStreamKb(), s.late(), s.maxGapSeconds(), s.loadAverage(),
                                s.failure() == null ? "-" : s.failure()));
                    }
                    ResultsWriter writer = new ResultsWriter(option.name(), "");
                    writer.capacity(result);
                    details.append("### ").append(option.name()).append(": ")
                            .append(writer.markdown().substring(writer.markdown().indexOf("### Streams") + 4));
                }
                // The closed streams' sockets go away with the instance; give the generator's a moment to go too.
                Thread.sleep(2000);
            }
        }
        md.append(summary).append('\n').append(details)
                .append("Class histograms at each step: `").append(logs).append("/<option>/`.\n");
        Files.createDirectories(out);
        Path file = out.resolve(label + ".md");
        Files.writeString(file, md);
        return file;
    }

    private static String row(Object... cells) {
        StringBuilder row = new StringBuilder("|");
        for (Object cell : cells) {
            row.append(' ').append(cell instanceof Double d ? ResultsWriter.num(d) : String.valueOf(cell)).append(" |");
        }
        return row.append('\n').toString();
    }
}
