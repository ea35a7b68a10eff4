package io.boardcast.bench;

import io.boardcast.testsupport.AppProcess;
import io.boardcast.testsupport.ProcessStats;
import io.boardcast.testsupport.Prometheus;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens streams to one instance in steps and, at each step, checks that heartbeats still arrive on time and what
 * each stream costs in heap (after a full GC) and in resident memory. Stops at the first step that fails.
 */
final class CapacityRun {

    record Step(int target, int open, int gauge, int ended, int late, double maxGapSeconds, long heapBytes,
            long rssBytes, double heapPerStreamKb, double rssPerStreamKb, String loadAverage, String failure) {
    }

    record Result(long baselineHeap, long baselineRss, double heartbeatSeconds, List<Step> steps) {
    }

    private CapacityRun() {
    }

    static Result run(BoardFixture fixture, AppProcess app, StreamClients clients, List<Integer> targets,
            Duration heartbeat, java.nio.file.Path logs) throws Exception {
        return run(fixture, app, clients, targets, heartbeat, logs, false);
    }

    /**
     * {@link #run}, comparing set-ups ({@code comparing}): a class histogram at every step, not only the last, and
     * the next step even after a failed one (a stream or two that failed to open says little about memory).
     */
    static Result run(BoardFixture fixture, AppProcess app, StreamClients clients, List<Integer> targets,
            Duration heartbeat, java.nio.file.Path logs, boolean comparing) throws Exception {
        boolean histogramEachStep = comparing;
        java.nio.file.Files.createDirectories(logs);
        // Warm the stream path first, so the baseline includes the classes and caches any stream needs.
        List<Viewer> warm = open(fixture, app, clients, 0, 50);
        warm.forEach(Viewer::close);
        Thread.sleep(1000);
        long baselineHeap = app.heapUsedAfterGc();
        long baselineRss = ProcessStats.rssBytes(app.pid());

        List<Viewer> viewers = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        try {
            for (int target : targets) {
                viewers.addAll(open(fixture, app, clients, viewers.size(), target - viewers.size()));
                viewers.forEach(Viewer::resetCommentGaps);
                // Two and a half heartbeat intervals: every open stream must have had two heartbeats.
                Thread.sleep(heartbeat.toMillis() * 5 / 2);
                long now = System.nanoTime();
                long lateAfter = heartbeat.toNanos() * 3 / 2;
                int open = 0;
                int late = 0;
                int ended = 0;
                long maxGap = 0;
                for (Viewer viewer : viewers) {
                    if (viewer.isOpen()) {
                        open++;
                        long gap = Math.max(viewer.maxCommentGapNanos(), viewer.sinceLastCommentNanos(now));
                        maxGap = Math.max(maxGap, gap);
                        if (gap > lateAfter) {
                            late++;
                        }
                    } else if (viewer.ended()) {
                        ended++;
                    }
                }
                long heap = app.heapUsedAfterGc();
                long rss = ProcessStats.rssBytes(app.pid());
                int gauge = (int) Prometheus.sum(app.prometheus(), "boardcast_streams_open", "");
                String failure = failure(target, open, ended, late, viewers);
                steps.add(new Step(target, open, gauge, ended, late, maxGap / 1e9, heap, rss,
                        open == 0 ? Double.NaN : (heap - baselineHeap) / 1024.0 / open,
                        open == 0 ? Double.NaN : (rss - baselineRss) / 1024.0 / open, ProcessStats.loadAverage(), failure));
                if (failure != null || target == targets.get(targets.size() - 1) || histogramEachStep) {
                    java.nio.file.Files.writeString(logs.resolve("capacity-histogram-" + open + "-streams.txt"),
                            app.jcmd("GC.class_histogram"));
                }
                if (failure != null && !comparing) {
                    break;
                }
            }
        } finally {
            viewers.forEach(Viewer::close);
        }
        return new Result(baselineHeap, baselineRss, heartbeat.toMillis() / 1000.0, steps);
    }

    private static List<Viewer> open(BoardFixture fixture, AppProcess app, StreamClients clients, int from, int count)
            throws InterruptedException {
        List<Viewer> viewers = new ArrayList<>(count);
        List<HttpRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            viewers.add(new Viewer(Long.MAX_VALUE / 2, 0, Viewer.BY_ID, false));
            requests.add(fixture.streamRequest(app, fixture.viewers.get((from + i) % fixture.viewers.size())));
        }
        StreamClients.openAll(viewers, requests, clients, 200, Duration.ofSeconds(30));
        return viewers;
    }

    /** Why a step failed, or null: streams that never opened, closed on us, or heartbeats more than 1.5× late. */
    private static String failure(int target, int open, int ended, int late, List<Viewer> viewers) {
        List<String> problems = new ArrayList<>();
        if (open < target) {
            // What the ones that are not open got: an HTTP status, or 0 for none (refused, reset, timed out).
            java.util.Map<Integer, Long> statuses = viewers.stream().filter(v -> !v.isOpen())
                    .collect(java.util.stream.Collectors.groupingBy(Viewer::status, java.util.TreeMap::new,
                            java.util.stream.Collectors.counting()));
            problems.add((target - open) + " of " + target + " streams not open (" + ended
                    + " ended by the server or failed; status → count " + statuses + ")");
        }
        if (late > 0) {
            problems.add(late + " streams with a heartbeat gap > 1.5× the interval");
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }
}
