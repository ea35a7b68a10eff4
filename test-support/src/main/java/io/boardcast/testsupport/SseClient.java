package io.boardcast.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * One event stream, {@code GET /boards/{id}/events}, read on the HTTP client's executor (no thread of its own, so
 * thousands fit in one test JVM). Parses {@code id:}, {@code event:}, {@code data:} lines into {@link Frame}s kept in
 * a thread-safe list and handed to an optional {@link Listener}; comment lines (the greeting, heartbeats) are counted.
 */
public final class SseClient implements Flow.Subscriber<String>, AutoCloseable {

    /**
     * One dispatched event; {@code event} is "message" when the server named none. {@code data} is all its data lines
     * when the client keeps data, else only the first (enough for a sequence number, cheap for thousands of streams).
     */
    public record Frame(String id, String event, String data, long receivedNanos) {

        /** The id as a number, or -1 when it is missing or not a number. */
        public long seq() {
            try {
                return id == null ? -1 : Long.parseLong(id.strip());
            } catch (NumberFormatException notANumber) {
                return -1;
            }
        }
    }

    /** Called on the client's executor for each frame and comment; keep it quick. */
    public interface Listener {

        default void frame(Frame frame) {
        }

        default void comment(String text, long receivedNanos) {
        }

        /** The stream ended: closed by the server, the network, or {@link #close()}. Called once. */
        default void ended(SseClient client) {
        }
    }

    /** What the client keeps in {@link #frames()}; the listener always sees every frame. */
    public enum Keep {
        /** Every frame with all its data. */
        FRAMES_WITH_DATA,
        /** Every frame with its first data line only (enough for a sequence number). */
        FRAMES,
        /** Nothing: for thousands of streams, where the listener records what it needs. */
        NOTHING
    }

    /** A listener that does nothing; the frames are in {@link #frames()}. */
    public static final Listener NO_LISTENER = new Listener() {
    };

    private final Listener listener;
    private final Keep keep;
    private final List<Frame> frames = new ArrayList<>();
    private final CountDownLatch answered = new CountDownLatch(1);
    private final CountDownLatch greeted = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Flow.Subscription subscription;
    private volatile int status;
    private volatile boolean ended;
    private volatile Throwable failure;
    private volatile int comments;
    /** How many frames {@link #next(Duration)} has handed out. */
    private int taken;

    // The event being read; only one delivery at a time touches these.
    private String id;
    private String event;
    private boolean hasData;
    private String firstData;
    private final StringBuilder data = new StringBuilder();

    private SseClient(Listener listener, Keep keep) {
        this.listener = listener;
        this.keep = keep;
    }

    /** A stream request for a board, with the session cookie and, unless null, a {@code Last-Event-ID} header. */
    public static HttpRequest.Builder request(String baseUrl, long boardId, String cookie, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/boards/" + boardId + "/events"))
                .timeout(Duration.ofMinutes(30)).header("Accept", "text/event-stream")
                .header("Cookie", "SESSION=" + cookie);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return request;
    }

    /**
     * Opens {@code path} on the session's instance with its cookies, as an EventSource would, and waits for the
     * response's status; {@code lastEventId} (may be null) goes in the {@code Last-Event-ID} header. Keeps every frame
     * with its data, for {@link #next(Duration)}.
     */
    public static SseClient open(WebSession session, String path, String lastEventId) {
        HttpRequest.Builder request = session.request(path).timeout(Duration.ofMinutes(30))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        SseClient client = open(session.client(), request.GET().build());
        try {
            if (!client.answered.await(30, TimeUnit.SECONDS)) {
                client.close();
                throw new IllegalStateException("No answer to " + path + " within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return client;
    }

    /** Opens a stream that keeps every frame with its data. */
    public static SseClient open(HttpClient http, HttpRequest request) {
        return open(http, request, Keep.FRAMES_WITH_DATA, NO_LISTENER);
    }

    /** Opens a stream keeping what {@code keep} says; the listener is called on the client's executor. */
    public static SseClient open(HttpClient http, HttpRequest request, Keep keep, Listener listener) {
        SseClient client = new SseClient(listener, keep);
        http.sendAsync(request, info -> {
            client.status = info.statusCode();
            client.answered.countDown();
            if (client.status != 200) {
                client.greeted.countDown();
            }
            return HttpResponse.BodySubscribers.fromLineSubscriber(client, s -> null, StandardCharsets.UTF_8, "\n");
        }).whenComplete((response, error) -> client.end(error));
        return client;
    }

    /** Waits for the server's first comment (the greeting) or the end; true if the stream is open. */
    public boolean awaitOpen(Duration timeout) throws InterruptedException {
        greeted.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return isOpen();
    }

    /** Waits until the server or the network ends the stream. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int status() {
        return status;
    }

    public boolean isOpen() {
        return status == 200 && !ended && greeted.getCount() == 0;
    }

    public boolean hasEnded() {
        return ended;
    }

    public Throwable failure() {
        return failure;
    }

    public int comments() {
        return comments;
    }

    /** A copy of the frames so far, in arrival order. */
    public List<Frame> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    /** The sequences of the frames named {@code event} so far, in arrival order. */
    public List<Long> seqs(String event) {
        List<Long> seqs = new ArrayList<>();
        for (Frame frame : frames()) {
            if (frame.event().equals(event)) {
                seqs.add(frame.seq());
            }
        }
        return seqs;
    }

    /** The next frame not yet taken, waiting up to {@code timeout} for it to arrive; fails if none does. */
    public Frame next(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (frames) {
            while (taken == frames.size()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No event within " + timeout);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(frames, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return frames.get(taken++);
        }
    }

    /** The next {@code count} frames, each within {@code timeout}. */
    public List<Frame> next(int count, Duration timeout) {
        List<Frame> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            received.add(next(timeout));
        }
        return received;
    }

    /** Frames received but not yet taken by {@link #next(Duration)}. */
    public int pending() {
        synchronized (frames) {
            return frames.size() - taken;
        }
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        end(null);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            dispatch();
        } else if (line.charAt(0) == ':') {
            comments++;
            greeted.countDown();
            listener.comment(line.substring(1).strip(), System.nanoTime());
        } else if (line.startsWith("data")) {
            String value = value(line);
            if (!hasData) {
                firstData = value;
            }
            hasData = true;
            if (keep == Keep.FRAMES_WITH_DATA) {
                data.append(value).append('\n');
            }
        } else if (line.startsWith("id")) {
            id = value(line);
        } else if (line.startsWith("event")) {
            event = value(line);
        }
    }

    private void dispatch() {
        if (hasData) {
            String text = keep == Keep.FRAMES_WITH_DATA ? data.substring(0, data.length() - 1) : firstData;
            Frame frame = new Frame(id, event == null ? "message" : event, text, System.nanoTime());
            if (keep != Keep.NOTHING) {
                synchronized (frames) {
                    frames.add(frame);
                    frames.notifyAll();
                }
            }
            listener.frame(frame);
        }
        id = null;
        event = null;
        hasData = false;
        firstData = null;
        data.setLength(0);
    }

    private static String value(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return "";
        }
        String value = line.substring(colon + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    @Override
    public void onError(Throwable throwable) {
        end(throwable);
    }

    @Override
    public void onComplete() {
        end(null);
    }

    private void end(Throwable error) {
        synchronized (done) {
            if (ended) {
                return;
            }
            if (error != null) {
                failure = error;
            }
            ended = true;
        }
        answered.countDown();
        greeted.countDown();
        done.countDown();
        listener.ended(this);
    }
}
