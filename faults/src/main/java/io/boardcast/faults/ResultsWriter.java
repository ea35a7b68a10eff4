package io.boardcast.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** RESULTS.md: one table row per fault against the targets, then what each row saw. */
final class ResultsWriter {

    private ResultsWriter() {
    }

    static Path write(FaultConfig config, List<Row> rows, Instant started, String load, int corpusSize)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Fault suite results (").append(config.label()).append(")\n\n");
        md.append("- started ").append(started).append(", took ")
                .append(Duration.between(started, Instant.now()).toSeconds()).append(" s; load average at start ")
                .append(load).append("; JVM ").append(System.getProperty("java.version")).append('\n');
        md.append("- two app instances (the packaged jar, profiles postgres,redis, shipped settings) on this run's "
                + "own PostgreSQL database and a redis-server the suite started (AOF on); ")
                .append(config.editors()).append(" editors × ").append(config.editsPerSecond())
                .append(" writes/s per fault board, 4 viewers (2 per instance)\n");
        md.append("- f: ").append(config.slowSockets()).append(" sockets that never read, comments of ")
                .append(config.commentChars()).append(" characters at ").append(config.busyCommentsPerSecond())
                .append("/s; g: ").append(config.replayStreams()).append(" parallel replays of ")
                .append(config.replayEvents()).append(" events, in waves; f and g: a healthy stream on another board "
                        + "on the same instance, ").append(config.probePerSecond()).append(" moves/s for ")
                .append(config.probeWindow().toSeconds()).append(" s\n");
        md.append("- h: ").append(config.soakStreams()).append(" streams, ").append(config.soakEditsPerSecond())
                .append(" edits/s for ").append(config.soakDuration().toSeconds()).append(" s; i: ")
                .append(corpusSize).append(" bad inputs\n\n");
        md.append("Targets: 0 lost, 0 twice, 0 5xx, converged ≤ 5 s after the fault, healthy-stream p99 ≤ 2× baseline, "
                + "heap after GC grows ≤ 10 % over the soak, 0 streams open after clients leave.\n\n");
        md.append("| row | fault | lost | twice | 5xx | converged | healthy p99 | heap after GC | streams open after | result |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.key).append(" | ").append(row.fault).append(" | ").append(row.lost)
                    .append(" | ").append(row.twice).append(" | ").append(row.serverErrors).append(" | ")
                    .append(Double.isNaN(row.convergeSeconds) ? "–" : Double.isInfinite(row.convergeSeconds)
                            ? "never" : String.format("%.1f s", row.convergeSeconds))
                    .append(" | ").append(dash(row.latency)).append(" | ").append(dash(row.heap)).append(" | ")
                    .append(dash(row.gauge)).append(" | ").append(row.passed() ? "pass" : "**FAIL**").append(" |\n");
        }
        md.append("\n## Details\n");
        for (Row row : rows) {
            md.append("\n### ").append(row.key).append(". ").append(row.fault).append("\n\n");
            for (String failure : row.failures.subList(0, Math.min(40, row.failures.size()))) {
                md.append("- **").append(escape(failure)).append("**\n");
            }
            if (row.failures.size() > 40) {
                md.append("- … and ").append(row.failures.size() - 40).append(" more failures\n");
            }
            for (String note : row.notes) {
                md.append("- ").append(escape(note)).append('\n');
            }
        }
        Files.createDirectories(config.outDir());
        Path file = config.outDir().resolve(config.resultsFile());
        Files.writeString(file, md.toString());
        return file;
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "–" : s;
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("<", "&lt;").replace("\n", " ");
    }
}
