package io.boardcast.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How big a run is. {@link #full()} is what faults/run.sh runs; {@link #smoke()} fits in `./mvnw verify` on a
 * 2-core machine (every row, at a fraction of the load). Any value can be overridden with -Dfaults.&lt;name&gt;.
 */
record FaultConfig(
        String label,
        Path outDir,
        /** Editors per fault board, each on a task of its own, and each one's writes per second. */
        int editors,
        double editsPerSecond,
        Duration beforeFault,
        Duration afterFault,
        /** Row f: sockets that never read, and the large comments posted to their board. */
        int slowSockets,
        int commentChars,
        double busyCommentsPerSecond,
        /** Healthy-stream probe: moves per second, and how long each measurement lasts. */
        double probePerSecond,
        Duration probeWindow,
        /** Row g: events on the replayed board (within the app's 200-event replay window) and parallel replays. */
        int replayEvents,
        int replayStreams,
        /** Row h. */
        int soakStreams,
        Duration soakDuration,
        double soakEditsPerSecond,
        /** Which rows run: "all", or keys like "f,g" (-Dfaults.rows). */
        String rows) {

    boolean runs(String key) {
        return "all".equals(rows) || List.of(rows.split(",")).contains(key);
    }

    /** RESULTS.md for a whole run, RESULTS-f-g.md for some rows. */
    String resultsFile() {
        return "all".equals(rows) ? "RESULTS.md" : "RESULTS-" + rows.replace(',', '-') + ".md";
    }

    static FaultConfig smoke() {
        return new FaultConfig("smoke", Path.of("target", "faults-smoke"), 2, 4, Duration.ofSeconds(1),
                Duration.ofSeconds(2), 300, 4_900, 5, 4, Duration.ofSeconds(6), 100, 50, 200, Duration.ofSeconds(20), 20, "all")
                .overridden();
    }

    static FaultConfig full() {
        return new FaultConfig("full", Path.of("target", "faults-full"), 2, 5, Duration.ofSeconds(3),
                Duration.ofSeconds(5), 2_100, 4_900, 10, 4, Duration.ofSeconds(30), 195, 50, 2_000,
                Duration.ofMinutes(5), 20, "all").overridden();
    }

    /** The mode named by -Dfaults.mode (smoke unless "full"). */
    static FaultConfig fromSystemProperties() {
        return "full".equals(System.getProperty("faults.mode")) ? full() : smoke();
    }

    private FaultConfig overridden() {
        return new FaultConfig(label, Path.of(System.getProperty("faults.out", outDir.toString())),
                Integer.getInteger("faults.editors", editors),
                dbl("faults.editsPerSecond", editsPerSecond),
                secs("faults.beforeFault", beforeFault),
                secs("faults.afterFault", afterFault),
                Integer.getInteger("faults.slowSockets", slowSockets),
                Integer.getInteger("faults.commentChars", commentChars),
                dbl("faults.busyCommentsPerSecond", busyCommentsPerSecond),
                dbl("faults.probePerSecond", probePerSecond),
                secs("faults.probeWindow", probeWindow),
                Integer.getInteger("faults.replayEvents", replayEvents),
                Integer.getInteger("faults.replayStreams", replayStreams),
                Integer.getInteger("faults.soakStreams", soakStreams),
                secs("faults.soakSeconds", soakDuration),
                dbl("faults.soakEditsPerSecond", soakEditsPerSecond),
                System.getProperty("faults.rows", rows));
    }

    private static double dbl(String name, double fallback) {
        String value = System.getProperty(name);
        return value == null ? fallback : Double.parseDouble(value);
    }

    private static Duration secs(String name, Duration fallback) {
        String value = System.getProperty(name);
        return value == null ? fallback : Duration.ofSeconds(Long.parseLong(value));
    }
}
