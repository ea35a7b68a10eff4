package io.boardcast.faults;

import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A healthy stream on a quiet board of its own: the owner moves a task there at a steady rate through instance A,
 * a viewer's stream on instance A receives it. Edit-to-event latency is measured from before the form post to the
 * event's arrival, per sequence (only the probe writes to its board). Compares the same run's baseline with what it
 * is while another board suffers.
 */
final class Probe implements SseClient.Listener, AutoCloseable {

    /** An event that has not arrived this long after its edit counts at this latency (and as missing). */
    private static final long GIVE_UP_NANOS = Duration.ofSeconds(10).toNanos();

    record Latency(int samples, int missing, double p50, double p99, double max) {

        @Override
        public String toString() {
            return String.format("p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d edits%s)", p50, p99, max, samples,
                    missing > 0 ? ", " + missing + " never arrived" : "");
        }
    }

    private final Stage stage;
    private final Stage.Board board;
    private final Map<Long, Long> arrived = new ConcurrentHashMap<>();
    /** The probe's own form posts, all phases together. */
    final Answers answers = new Answers();
    private SseClient stream;
    private int reopened;
    private long version;
    private long column;
    private long seq;

    Probe(Stage stage) throws InterruptedException {
        this.stage = stage;
        this.board = stage.board("Probe", 1);
        String base = stage.a().baseUrl();
        this.seq = WebSession.lastEventId(stage.viewer.boardPage(base, board.id()));
        this.stream = SseClient.open(stage.streamClient(), SseClient.request(base, board.id(), stage.viewer.cookie(),
                Long.toString(seq)).build(), SseClient.Keep.NOTHING, this);
        if (!stream.awaitOpen(Duration.ofSeconds(30))) {
            throw new IllegalStateException("The probe's stream did not open: " + stream.status());
        }
        this.column = board.todo();
        this.version = 0;
    }

    @Override
    public void frame(SseClient.Frame frame) {
        arrived.putIfAbsent(frame.seq(), frame.receivedNanos());
    }

    /**
     * Moves the probe's task {@code perSecond} times a second for {@code window}; the latencies of those moves. A
     * stream that has ended (an earlier row may have wedged or restarted its instance) is reopened first, as a
     * browser would, so each measurement stands on its own.
     */
    Latency measure(Duration window, double perSecond) throws InterruptedException {
        if (!stream.isOpen()) {
            stream.close();
            seq = stage.lastSeq(board.id());
            stream = SseClient.open(stage.streamClient(), SseClient.request(stage.a().baseUrl(), board.id(),
                    stage.viewer.cookie(), Long.toString(seq)).build(), SseClient.Keep.NOTHING, this);
            stream.awaitOpen(Duration.ofSeconds(30));
            reopened++;
        }
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        Map<Long, Long> sent = new ConcurrentHashMap<>();
        for (int i = 0; i < window.toNanos() / interval && i < 10_000; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
            long target = column == board.todo() ? board.doing() : board.todo();
            long before = System.nanoTime();
            WebSession.Answer answer;
            try {
                answer = stage.post(0, "/boards/" + board.id() + "/tasks/" + board.tasks().get(0) + "/move",
                        Map.of("columnId", Long.toString(target), "version", Long.toString(version)));
            } catch (RuntimeException noAnswer) {
                answers.noAnswer();
                continue;
            }
            answers.count(answer);
            if (answer.redirected()) {
                version++;
                column = target;
                seq++;
                sent.put(seq, before);
            } else {
                version = stage.db.queryLong("select version from tasks where id = ?", board.tasks().get(0));
                column = stage.db.queryLong("select column_id from tasks where id = ?", board.tasks().get(0));
                seq = stage.lastSeq(board.id());
            }
        }
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        while (System.nanoTime() < deadline && !sent.keySet().stream().allMatch(arrived::containsKey)) {
            Thread.sleep(20);
        }
        List<Double> millis = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<Long, Long> edit : sent.entrySet()) {
            Long at = arrived.get(edit.getKey());
            if (at == null) {
                missing++;
                millis.add(GIVE_UP_NANOS / 1e6);
            } else {
                millis.add((at - edit.getValue()) / 1e6);
            }
        }
        millis.sort(null);
        return new Latency(millis.size(), missing, quantile(millis, 0.50), quantile(millis, 0.99),
                millis.isEmpty() ? Double.NaN : millis.get(millis.size() - 1));
    }

    int reopened() {
        return reopened;
    }

    static double quantile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    @Override
    public void close() {
        stream.close();
    }
}
