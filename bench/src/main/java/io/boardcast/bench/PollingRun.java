package io.boardcast.bench;

import io.boardcast.testsupport.AppProcess;
import io.boardcast.testsupport.ProcessStats;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The alternative we compare against: every viewer re-fetches the board page every 2 s. Measures the app processes'
 * CPU over a window; a viewer whose previous fetch is still running skips its turn (counted), as a careful poller
 * would.
 */
final class PollingRun {

    record Result(int viewers, double seconds, int completed, int errors, int skipped, Percentiles page,
            double serverCpu, String loadAverage) {

        double requestsPerSecond() {
            return completed / seconds;
        }

        double cpuSecondsPerMinute() {
            return serverCpu / seconds * 60;
        }
    }

    private static final Duration PERIOD = Duration.ofSeconds(2);

    private PollingRun() {
    }

    static Result run(BoardFixture fixture, List<AppProcess> apps, StreamClients clients, int n, Duration window)
            throws InterruptedException {
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicBoolean measuring = new AtomicBoolean();
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        Random random = new Random(42);
        for (int i = 0; i < n; i++) {
            HttpRequest request = fixture.pageRequest(apps.get(i % apps.size()), fixture.viewers.get(i % fixture.viewers.size()));
            HttpClient http = clients.any();
            AtomicBoolean inFlight = new AtomicBoolean();
            timer.scheduleAtFixedRate(() -> {
                if (!inFlight.compareAndSet(false, true)) {
                    if (measuring.get()) {
                        skipped.incrementAndGet();
                    }
                    return;
                }
                long sent = System.nanoTime();
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    inFlight.set(false);
                    if (!measuring.get()) {
                        return;
                    }
                    if (error != null || response.statusCode() != 200) {
                        errors.incrementAndGet();
                    } else {
                        completed.incrementAndGet();
                        micros.add((System.nanoTime() - sent) / 1000);
                    }
                });
            }, random.nextInt((int) PERIOD.toMillis()), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        }
        long[] pids = apps.stream().mapToLong(AppProcess::pid).toArray();
        try {
            Thread.sleep(4000); // every poller has started and the JIT has seen the page
            measuring.set(true);
            String load = ProcessStats.loadAverage();
            double cpuBefore = ProcessStats.cpuSeconds(pids);
            long start = System.nanoTime();
            Thread.sleep(window.toMillis());
            double cpu = ProcessStats.cpuSeconds(pids) - cpuBefore;
            double seconds = (System.nanoTime() - start) / 1e9;
            measuring.set(false);
            return new Result(n, seconds, completed.get(), errors.get(), skipped.get(),
                    Percentiles.ofMicros(micros.stream().mapToLong(Long::longValue).toArray()), cpu, load);
        } finally {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
            Thread.sleep(2000); // let the last fetches finish before the next phase measures anything
        }
    }
}
