package io.boardcast.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load generator's HTTP clients. A few clients spread the streams over a few selector threads; a small fixed
 * pool parses lines, so the generator's CPU use stays bounded and visible next to the server's.
 */
final class StreamClients implements AutoCloseable {

    private final ExecutorService executor;
    private final List<HttpClient> clients = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    StreamClients(int clientCount, int threads) {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-stream-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < clientCount; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                    .connectTimeout(Duration.ofSeconds(30)).build());
        }
    }

    HttpClient any() {
        return clients.get(Math.floorMod(next.getAndIncrement(), clients.size()));
    }

    /**
     * Opens viewers in batches and waits until each is ready (first comment seen) or has failed; stops early when
     * most of a batch fails. Returns how many are open.
     */
    static int openAll(List<Viewer> viewers, List<HttpRequest> requests, StreamClients clients, int batch,
            Duration perBatch) throws InterruptedException {
        for (int from = 0; from < viewers.size(); from += batch) {
            int to = Math.min(viewers.size(), from + batch);
            for (int i = from; i < to; i++) {
                viewers.get(i).open(clients.any(), requests.get(i));
            }
            long deadline = System.nanoTime() + perBatch.toNanos();
            int open = 0;
            for (int i = from; i < to; i++) {
                open += viewers.get(i).awaitReady(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))) ? 1 : 0;
            }
            if (open < (to - from) / 2) {
                break; // the server stopped taking streams; more batches would only wait out their timeouts
            }
        }
        return (int) viewers.stream().filter(Viewer::isOpen).count();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
