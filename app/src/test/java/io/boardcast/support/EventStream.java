package io.boardcast.support;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent Events client, the way an EventSource reads a stream: events are queued as they arrive. */
public final class EventStream implements AutoCloseable {

    public record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final int status;
    private final Stream<String> lines;
    private volatile boolean ended;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.lines = response.body();
        Thread reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code path} with the user's cookies; {@code lastEventId} (may be null) goes in the Last-Event-ID header. */
    public static EventStream open(WebUser user, String path, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(user.uri(path)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStream(user.client().send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return status;
    }

    public boolean ended() {
        return ended;
    }

    public Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("No event within " + timeout);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<Event> next(int count, Duration timeout) {
        List<Event> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            received.add(next(timeout));
        }
        return received;
    }

    /** Events received but not yet taken. */
    public int pending() {
        return events.size();
    }

    private void read() {
        String id = null;
        String name = "message";
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, data.substring(0, data.length() - 1)));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6);
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5)).append('\n');
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed by us or by the server
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() {
        lines.close();
    }
}
