package io.boardcast.bench;

import io.boardcast.testsupport.SseClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ToLongFunction;

/**
 * One open event stream as the benchmark measures it: when each expected sequence arrived, and the gaps between
 * comment lines (heartbeats). Reading and parsing is the test kit's {@link SseClient}, on the client's executor, so
 * ten thousand of them fit in the load generator.
 */
final class Viewer implements SseClient.Listener {

    /** Where an event's sequence comes from: our {@code id:} line, or Nchan's first data line. */
    static final ToLongFunction<SseClient.Frame> BY_ID = frame -> Long.parseLong(frame.id().strip());
    static final ToLongFunction<SseClient.Frame> BY_FIRST_DATA_LINE = frame -> Long.parseLong(firstLine(frame.data()).strip());

    private final ToLongFunction<SseClient.Frame> sequence;
    private final long firstSeq;
    /** Arrival time (System.nanoTime) of seq firstSeq + i, 0 while not arrived. */
    private final AtomicLongArray arrivals;
    private final boolean keepData;
    private volatile SseClient client;
    private volatile long lastCommentNanos;
    private volatile long maxCommentGapNanos;
    private volatile int unexpected;
    private volatile long lastEventDataBytes;
    private volatile String lastEventData;

    Viewer(long firstSeq, int expected, ToLongFunction<SseClient.Frame> sequence, boolean keepData) {
        this.firstSeq = firstSeq;
        this.arrivals = new AtomicLongArray(Math.max(expected, 0));
        this.sequence = sequence;
        this.keepData = keepData;
    }

    /** Opens the stream; it is ready at the first comment (our greeting, Nchan's ": hi"). */
    void open(HttpClient http, HttpRequest request) {
        client = SseClient.open(http, request,
                keepData ? SseClient.Keep.FRAMES_WITH_DATA : SseClient.Keep.NOTHING, this);
    }

    /** Waits until the stream is ready or has failed; true if open. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        return client.awaitOpen(timeout);
    }

    @Override
    public void frame(SseClient.Frame frame) {
        if (!"message".equals(frame.event()) && !"board".equals(frame.event())) {
            return;
        }
        try {
            int slot = (int) (sequence.applyAsLong(frame) - firstSeq);
            if (slot >= 0 && slot < arrivals.length() && arrivals.get(slot) == 0) {
                arrivals.set(slot, frame.receivedNanos());
            } else {
                unexpected++;
            }
        } catch (RuntimeException notASequence) {
            unexpected++;
        }
        if (keepData) {
            lastEventData = frame.data();
            lastEventDataBytes = frame.data().getBytes(StandardCharsets.UTF_8).length;
        }
    }

    @Override
    public void comment(String text, long receivedNanos) {
        if (lastCommentNanos != 0) {
            maxCommentGapNanos = Math.max(maxCommentGapNanos, receivedNanos - lastCommentNanos);
        }
        lastCommentNanos = receivedNanos;
    }

    void close() {
        if (client != null) {
            client.close();
        }
    }

    int status() {
        return client == null ? 0 : client.status();
    }

    boolean ended() {
        return client != null && client.hasEnded();
    }

    boolean isOpen() {
        return client != null && client.isOpen();
    }

    long arrival(long seq) {
        int slot = (int) (seq - firstSeq);
        return slot >= 0 && slot < arrivals.length() ? arrivals.get(slot) : 0;
    }

    int unexpected() {
        return unexpected;
    }

    int comments() {
        return client == null ? 0 : client.comments();
    }

    /** Largest gap between comment lines since the last reset. */
    long maxCommentGapNanos() {
        return maxCommentGapNanos;
    }

    long sinceLastCommentNanos(long now) {
        return lastCommentNanos == 0 ? Long.MAX_VALUE : now - lastCommentNanos;
    }

    void resetCommentGaps() {
        maxCommentGapNanos = 0;
    }

    long lastEventDataBytes() {
        return lastEventDataBytes;
    }

    String lastEventData() {
        return lastEventData;
    }

    private static String firstLine(String data) {
        int newline = data.indexOf('\n');
        return newline < 0 ? data : data.substring(0, newline);
    }
}
