package io.boardcast.realtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

@Component
class RealtimeMetrics {

    private final AtomicInteger openStreams = new AtomicInteger();
    private final Counter published;
    private final Counter received;
    private final Counter signalsReceived;
    private final Counter publishFailures;
    private final Counter delivered;
    private final Counter replayed;
    private final Counter backfilled;
    private final Counter resyncs;
    private final Counter overflows;
    private final Counter renderFailures;
    private final Timer latency;
    private final Timer rendering;

    RealtimeMetrics(MeterRegistry registry) {
        Gauge.builder("boardcast.streams.open", openStreams, AtomicInteger::get)
                .description("Event streams open on this instance").register(registry);
        published = Counter.builder("boardcast.events.published")
                .description("Committed board events handed to the bus").register(registry);
        received = Counter.builder("boardcast.events.received")
                .description("Board events the bus brought to this instance, watched here or not").register(registry);
        signalsReceived = Counter.builder("boardcast.signals.received")
                .description("Board signals the bus brought to this instance, watched here or not").register(registry);
        publishFailures = Counter.builder("boardcast.events.publish.failures")
                .description("Events the bus could not take (delivered later by the sweep)").register(registry);
        delivered = Counter.builder("boardcast.events.delivered")
                .description("Events written to a viewer's stream").register(registry);
        replayed = Counter.builder("boardcast.events.replayed")
                .description("Events replayed to a reconnecting viewer").register(registry);
        backfilled = Counter.builder("boardcast.events.backfilled")
                .description("Events read back from the log because the bus lost or reordered them").register(registry);
        resyncs = Counter.builder("boardcast.streams.resyncs")
                .description("Viewers told to re-fetch the board: too far behind to replay").register(registry);
        overflows = Counter.builder("boardcast.streams.overflows")
                .description("Streams closed because their client read too slowly").register(registry);
        renderFailures = Counter.builder("boardcast.events.render.failures")
                .description("Events that could not be rendered (the stream ends and its client resumes)")
                .register(registry);
        latency = Timer.builder("boardcast.events.latency")
                .description("From publishing an event to writing it to a viewer's stream")
                .publishPercentileHistogram().register(registry);
        rendering = Timer.builder("boardcast.events.render")
                .description("Rendering one board event for one page view: its reads and its templates, once per "
                        + "instance and view (the part of the publish-to-write time that is this instance's own work)")
                .publishPercentileHistogram().register(registry);
    }

    /** Renders through {@code render}, timed; a render that fails is timed too (it still took the time). */
    String rendered(Supplier<String> render) {
        return rendering.record(render);
    }

    void streamOpened() {
        openStreams.incrementAndGet();
    }

    void streamClosed() {
        openStreams.decrementAndGet();
    }

    void published() {
        published.increment();
    }

    void received() {
        received.increment();
    }

    void signalReceived() {
        signalsReceived.increment();
    }

    void publishFailed() {
        publishFailures.increment();
    }

    void delivered(long publishedAt, long now) {
        delivered.increment();
        if (publishedAt > 0) {
            latency.record(Duration.ofMillis(Math.max(0, now - publishedAt)));
        }
    }

    void replayed(int count) {
        replayed.increment(count);
    }

    void backfilled(int count) {
        backfilled.increment(count);
    }

    void resync() {
        resyncs.increment();
    }

    void renderFailed() {
        renderFailures.increment();
    }

    void overflow() {
        overflows.increment();
    }
}
