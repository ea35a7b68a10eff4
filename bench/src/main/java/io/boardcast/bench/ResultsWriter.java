package io.boardcast.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes one run's figures as Markdown tables, plus a TSV of latency percentiles that the plot reads. */
final class ResultsWriter {

    private final StringBuilder md = new StringBuilder();
    private final StringBuilder tsv = new StringBuilder("label\tsystem\tviewers\tp50\tp95\tp99\tmax\n");
    private final String label;

    ResultsWriter(String label, String header) {
        this.label = label;
        md.append("## Run ").append(label).append("\n\n").append(header).append("\n\n");
    }

    void latency(List<LatencyResult> results) {
        md.append("### Edit-to-screen latency (ms)\n\n")
                .append("| system | N | open | edits | p50 | p95 | p99 | max | missing | unexpected | POST p50 | POST p99 "
                        + "| POST max | POST errors | event bytes | app timer p50 ≤ | app timer p99 ≤ | renders | render mean "
                        + "| server CPU s | bench CPU s | wall s | load avg |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (LatencyResult r : results) {
            md.append(row(r.system(), r.viewers(), r.connected(), r.edits(), r.latency().p50(), r.latency().p95(),
                    r.latency().p99(), r.latency().max(), r.missing(), r.unexpected(), r.post().p50(), r.post().p99(),
                    r.post().max(), r.postErrors(), r.eventBytes(), r.appTimerP50(), r.appTimerP99(), r.renders(),
                    r.renderMean(), r.serverCpu(), r.benchCpu(), r.seconds(), r.loadAverage()));
            tsv.append(String.join("\t", label, r.system(), Integer.toString(r.viewers()), num(r.latency().p50()),
                    num(r.latency().p95()), num(r.latency().p99()), num(r.latency().max()))).append('\n');
        }
        md.append('\n');
    }

    void ratios(List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        md.append("### Boardcast / Nchan (medians over repeats)\n\n| N | p50 ours | p50 Nchan | ratio p50 | p99 ours | p99 Nchan | ratio p99 |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|\n");
        rows.forEach(r -> md.append("| ").append(String.join(" | ", r)).append(" |\n"));
        md.append('\n');
    }

    void polling(PollingRun.Result polling, LatencyResult sse) {
        double sseCpuPerMinute = sse.serverCpu() / sse.seconds() * 60;
        md.append("### Polling every 2 s vs idle SSE with one edit per second (N = ").append(polling.viewers()).append(")\n\n")
                .append("| mode | window s | requests/s | errors | skipped polls | page p50 ms | page p99 ms | app CPU s/min | load avg |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n")
                .append(row("polling", polling.seconds(), polling.requestsPerSecond(), polling.errors(), polling.skipped(),
                        polling.page().p50(), polling.page().p99(), polling.cpuSecondsPerMinute(), polling.loadAverage()))
                .append(row("SSE", sse.seconds(), sse.edits() / sse.seconds(), sse.postErrors() + " POST, " + sse.missing()
                        + " missing", "-", sse.post().p50(), sse.post().p99(), sseCpuPerMinute, sse.loadAverage()))
                .append("\nCPU ratio polling / SSE: **").append(num(polling.cpuSecondsPerMinute() / sseCpuPerMinute))
                .append("×** (target ≥ 20×)\n\n");
    }

    void capacity(CapacityRun.Result capacity) {
        md.append("### Streams on one instance (heartbeat every ").append(num(capacity.heartbeatSeconds()))
                .append(" s; baseline heap after GC ").append(capacity.baselineHeap() / 1024 / 1024).append(" MiB, RSS ")
                .append(capacity.baselineRss() / 1024 / 1024).append(" MiB)\n\n")
                .append("| target | open | gauge | ended | late heartbeats | max gap s | heap MiB | RSS MiB | heap KB/stream "
                        + "| RSS KB/stream | load avg | failure |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (CapacityRun.Step s : capacity.steps()) {
            md.append(row(s.target(), s.open(), s.gauge(), s.ended(), s.late(), s.maxGapSeconds(), s.heapBytes() / 1024 / 1024,
                    s.rssBytes() / 1024 / 1024, s.heapPerStreamKb(), s.rssPerStreamKb(), s.loadAverage(), s.failure() == null ? "-" : s.failure()));
        }
        md.append('\n');
    }

    void note(String text) {
        md.append(text).append("\n\n");
    }

    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(label + "-latency.tsv"), tsv);
        Path file = dir.resolve(label + ".md");
        Files.writeString(file, md);
        return file;
    }

    String markdown() {
        return md.toString();
    }

    private static String row(Object... cells) {
        StringBuilder row = new StringBuilder("|");
        for (Object cell : cells) {
            row.append(' ').append(cell instanceof Double d ? num(d) : String.valueOf(cell)).append(" |");
        }
        return row.append('\n').toString();
    }

    static String num(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (Double.isInfinite(value)) {
            return "∞";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }
}
