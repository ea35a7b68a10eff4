package io.boardcast.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ToLongBiFunction;

/**
 * One open event stream, read without a thread of its own (a line subscriber on the client's executor), so ten
 * thousand of them fit in the load generator. Records when each expected sequence arrived, and the gaps between
 * comment lines (heartbeats).
 */
final class Viewer implements Flow.Subscriber<String> {

    /** Where an event's sequence comes from: our {@code id:} line, or Nchan's first data line. */
    static final ToLongBiFunction<String, String> BY_ID = (id, firstData) -> Long.parseLong(id.strip());
    static final ToLongBiFunction<String, String> BY_FIRST_DATA_LINE = (id, firstData) -> Long.parseLong(firstData.strip());

    private final ToLongBiFunction<String, String> sequence;
    private final long firstSeq;
    /** Arrival time (System.nanoTime) of seq firstSeq + i, 0 while not arrived. */
    private final AtomicLongArray arrivals;
    final CountDownLatch ready = new CountDownLatch(1);
    private volatile Flow.Subscription subscription;
    volatile int status;
    volatile boolean ended;
    volatile Throwable failure;
    private volatile long lastCommentNanos;
    private volatile long maxCommentGapNanos;
    private volatile int comments;
    private volatile int unexpected;

    // Parser state of the event being read (only ever touched by one delivery at a time).
    private String id;
    private String firstData;
    private String eventName;
    private long dataBytes;
    private volatile long lastEventDataBytes;
    private volatile String lastEventData;
    private final StringBuilder data = new StringBuilder();
    private final boolean keepData;

    Viewer(long firstSeq, int expected, ToLongBiFunction<String, String> sequence, boolean keepData) {
        this.firstSeq = firstSeq;
        this.arrivals = new AtomicLongArray(Math.max(expected, 0));
        this.sequence = sequence;
        this.keepData = keepData;
    }

    /** Opens the stream; {@link #ready} counts down at the first comment (our greeting, Nchan's ": hi"). */
    void open(HttpClient http, HttpRequest request) {
        http.sendAsync(request, info -> {
            status = info.statusCode();
            if (status != 200) {
                ready.countDown();
            }
            return HttpResponse.BodySubscribers.fromLineSubscriber(this, s -> null, StandardCharsets.UTF_8, "\n");
        }).whenComplete((response, error) -> {
            ended = true;
            if (error != null && failure == null) {
                failure = error;
            }
            ready.countDown();
        });
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        long now = System.nanoTime();
        if (line.isEmpty()) {
            dispatch(now);
        } else if (line.charAt(0) == ':') {
            comment(now);
        } else if (line.startsWith("data:")) {
            String value = value(line);
            if (firstData == null) {
                firstData = value;
            }
            dataBytes += value.getBytes(StandardCharsets.UTF_8).length + 1;
            if (keepData) {
                data.append(value).append('\n');
            }
        } else if (line.startsWith("id:")) {
            id = value(line);
        } else if (line.startsWith("event:")) {
            eventName = value(line);
        }
    }

    private void dispatch(long now) {
        if (firstData != null && (eventName == null || "board".equals(eventName))) {
            try {
                long seq = sequence.applyAsLong(id, firstData);
                int slot = (int) (seq - firstSeq);
                if (slot >= 0 && slot < arrivals.length() && arrivals.get(slot) == 0) {
                    arrivals.set(slot, now);
                } else {
                    unexpected++;
                }
            } catch (RuntimeException notASequence) {
                unexpected++;
            }
            lastEventDataBytes = dataBytes - 1;
            if (keepData) {
                lastEventData = data.substring(0, Math.max(0, data.length() - 1));
            }
        }
        id = null;
        firstData = null;
        eventName = null;
        dataBytes = 0;
        data.setLength(0);
    }

    private void comment(long now) {
        if (lastCommentNanos != 0) {
            maxCommentGapNanos = Math.max(maxCommentGapNanos, now - lastCommentNanos);
        }
        lastCommentNanos = now;
        comments++;
        ready.countDown();
    }

    private static String value(String line) {
        int colon = line.indexOf(':');
        String value = line.substring(colon + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    @Override
    public void onError(Throwable throwable) {
        failure = throwable;
        ended = true;
        ready.countDown();
    }

    @Override
    public void onComplete() {
        ended = true;
        ready.countDown();
    }

    void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    boolean isOpen() {
        return status == 200 && !ended && ready.getCount() == 0;
    }

    long arrival(long seq) {
        int slot = (int) (seq - firstSeq);
        return slot >= 0 && slot < arrivals.length() ? arrivals.get(slot) : 0;
    }

    int unexpected() {
        return unexpected;
    }

    int comments() {
        return comments;
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
}
