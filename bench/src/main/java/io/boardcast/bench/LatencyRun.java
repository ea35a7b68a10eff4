package io.boardcast.bench;

import io.boardcast.testsupport.AppProcess;
import io.boardcast.testsupport.ProcessStats;
import io.boardcast.testsupport.Prometheus;
import io.boardcast.testsupport.SseClient;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * N viewers on one channel, one editor at a steady rate; matches each viewer's events to the edits by sequence.
 * The same procedure measures the app and Nchan, so their numbers compare.
 */
final class LatencyRun {

    /** How long after the last edit a viewer may still receive it before it counts as missing. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    record Target(String system, List<HttpRequest> streamRequests, ToLongFunction<SseClient.Frame> sequence,
            Publisher publisher, List<AppProcess> apps, long[] serverPids) {
    }

    private LatencyRun() {
    }

    static LatencyResult run(Target target, StreamClients clients, long firstSeq, int edits, double perSecond,
            boolean keepData, List<Viewer> keepViewers) throws IOException, InterruptedException {
        int n = target.streamRequests().size();
        List<Viewer> viewers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            viewers.add(new Viewer(firstSeq, edits, target.sequence(), keepData && i == 0));
        }
        int connected = StreamClients.openAll(viewers, target.streamRequests(), clients, 200, Duration.ofSeconds(60));
        Thread.sleep(1000);
        String load = ProcessStats.loadAverage();
        AppTimers timersBefore = AppTimers.of(target.apps());
        double serverCpuBefore = ProcessStats.cpuSeconds(target.serverPids());
        double benchCpuBefore = ProcessStats.cpuSeconds(ProcessHandle.current().pid());
        long start = System.nanoTime();

        Editor editor = new Editor(target.publisher());
        long lastSeq = editor.run(edits, perSecond, firstSeq);
        awaitDelivery(viewers, lastSeq);

        double seconds = (System.nanoTime() - start) / 1e9;
        double serverCpu = ProcessStats.cpuSeconds(target.serverPids()) - serverCpuBefore;
        double benchCpu = ProcessStats.cpuSeconds(ProcessHandle.current().pid()) - benchCpuBefore;
        AppTimers timersAfter = AppTimers.of(target.apps());
        TreeMap<Double, Double> timer = Prometheus.minus(timersAfter.latency(), timersBefore.latency());
        double renders = timersAfter.renders() - timersBefore.renders();
        double renderMillis = (timersAfter.renderSeconds() - timersBefore.renderSeconds()) * 1000;

        List<Long> samples = new ArrayList<>();
        long missing = 0;
        int unexpected = 0;
        long eventBytes = 0;
        for (Viewer viewer : viewers) {
            if (viewer.status() != 200) {
                continue;
            }
            unexpected += viewer.unexpected();
            eventBytes = Math.max(eventBytes, viewer.lastEventDataBytes());
            for (Map.Entry<Long, Long> sent : editor.sentAt().entrySet()) {
                long arrived = viewer.arrival(sent.getKey());
                if (arrived == 0) {
                    missing++;
                } else {
                    samples.add((arrived - sent.getValue()) / 1000);
                }
            }
        }
        if (keepViewers != null) {
            keepViewers.addAll(viewers);
        } else {
            viewers.forEach(Viewer::close);
        }
        return new LatencyResult(target.system(), n, connected, editor.sentAt().size(),
                Percentiles.ofMicros(samples.stream().mapToLong(Long::longValue).toArray()), missing, unexpected,
                Percentiles.ofMicros(editor.postMicros()), editor.errors(), eventBytes,
                Prometheus.quantileMillis(timer, 0.50), Prometheus.quantileMillis(timer, 0.99), (long) renders,
                renders > 0 ? renderMillis / renders : Double.NaN,
                serverCpu, benchCpu, seconds, load);
    }

    private static void awaitDelivery(List<Viewer> viewers, long lastSeq) throws InterruptedException {
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (Viewer viewer : viewers) {
            while (viewer.status() == 200 && !viewer.ended() && viewer.arrival(lastSeq) == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
    }

    /**
     * The apps' own timers, summed over the instances: publish→write ({@code boardcast.events.latency}, buckets) and
     * event renders ({@code boardcast.events.render}: how many, and their total time).
     */
    private record AppTimers(TreeMap<Double, Double> latency, double renders, double renderSeconds) {

        static AppTimers of(List<AppProcess> apps) throws IOException, InterruptedException {
            TreeMap<Double, Double> latency = new TreeMap<>();
            double renders = 0;
            double seconds = 0;
            for (AppProcess app : apps) {
                String text = app.prometheus();
                Prometheus.buckets(text, "boardcast_events_latency_seconds")
                        .forEach((le, count) -> latency.merge(le, count, Double::sum));
                renders += Prometheus.sum(text, "boardcast_events_render_seconds_count", "");
                seconds += Prometheus.sum(text, "boardcast_events_render_seconds_sum", "");
            }
            return new AppTimers(latency, renders, seconds);
        }
    }
}
