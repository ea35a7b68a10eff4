package io.boardcast.faults;

import io.boardcast.testsupport.AppProcess;
import io.boardcast.testsupport.SseClient;
import io.boardcast.testsupport.WebSession;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A browser's view of one board's stream, as the htmx SSE extension and EventSource behave: when the stream ends it
 * reconnects after the server's retry delay with its Last-Event-ID, to the same instance, or to the next one when
 * that one does not answer (a load balancer). On {@code resync} it re-reads the board page and subscribes from the
 * page's sequence. Checks every id on arrival: anything but the next sequence is a gap (lost) or a repeat.
 */
final class LiveViewer implements SseClient.Listener {

    /** The app's replay window: a resync is documented only for a client further behind than this. */
    static final long REPLAY_WINDOW = 200; // the app's boardcast.realtime.replay-window
    private static final long RETRY_MILLIS = 1000;
    private static final int MAX_RECONNECTS = 300;

    private final String name;
    private final HttpClient http;
    private final WebSession session;
    private final List<AppProcess> instances;
    private final long boardId;
    private final ScheduledExecutorService reconnects;
    private final boolean recordArrivals;
    private final long startSeq;
    private volatile int instance;
    private volatile long lastSeq;
    private volatile SseClient client;
    private volatile boolean closed;
    private final Object lock = new Object();
    private SseClient handled;
    final AtomicInteger received = new AtomicInteger();
    final AtomicInteger lost = new AtomicInteger();
    final AtomicInteger repeats = new AtomicInteger();
    final AtomicInteger reconnectCount = new AtomicInteger();
    final AtomicInteger documentedResyncs = new AtomicInteger();
    final AtomicInteger undocumentedResyncs = new AtomicInteger();
    final AtomicInteger skippedByResync = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Sequence → wall-clock millis when it first arrived (only if asked; thousands of viewers don't). */
    final Map<Long, Long> arrivals = new ConcurrentHashMap<>();

    LiveViewer(String name, HttpClient http, WebSession session, List<AppProcess> instances, int instance,
            long boardId, long startSeq, ScheduledExecutorService reconnects, boolean recordArrivals) {
        this.name = name;
        this.http = http;
        this.session = session;
        this.instances = instances;
        this.instance = instance;
        this.boardId = boardId;
        this.startSeq = startSeq;
        this.lastSeq = startSeq;
        this.reconnects = reconnects;
        this.recordArrivals = recordArrivals;
    }

    /** Opens the first stream with {@code Last-Event-ID: startSeq}. */
    LiveViewer open() {
        connect();
        return this;
    }

    boolean awaitOpen() throws InterruptedException {
        return client.awaitOpen(java.time.Duration.ofSeconds(30));
    }

    String name() {
        return name;
    }

    long startSeq() {
        return startSeq;
    }

    long lastSeq() {
        return lastSeq;
    }

    AppProcess instance() {
        return instances.get(instance);
    }

    boolean isOpen() {
        SseClient c = client;
        return c != null && c.isOpen();
    }

    private void connect() {
        if (closed) {
            return;
        }
        AppProcess target = instances.get(instance);
        SseClient opened;
        synchronized (lock) {
            opened = SseClient.open(http, SseClient.request(target.baseUrl(), boardId, session.cookie(),
                    Long.toString(lastSeq)).build(), SseClient.Keep.NOTHING, this);
            client = opened;
        }
        if (opened.hasEnded()) {
            ended(opened); // failed before it was ours to see
        }
    }

    @Override
    public void frame(SseClient.Frame frame) {
        long seq = frame.seq();
        if ("resync".equals(frame.event())) {
            boolean documented = seq - lastSeq > REPLAY_WINDOW || seq < lastSeq;
            (documented ? documentedResyncs : undocumentedResyncs).incrementAndGet();
            if (!documented) {
                problems.add("resync at " + seq + " while at " + lastSeq + " (within the replay window)");
            }
            reconnects.execute(() -> resyncFromPage(documented));
            return;
        }
        if (!"board".equals(frame.event()) && !"message".equals(frame.event())) {
            return;
        }
        received.incrementAndGet();
        synchronized (this) {
            if (seq <= lastSeq) {
                repeats.incrementAndGet();
                if (problems.size() < 20) {
                    problems.add("repeat " + seq + " after " + lastSeq);
                }
                return;
            }
            if (seq > lastSeq + 1) {
                lost.addAndGet((int) (seq - lastSeq - 1));
                if (problems.size() < 20) {
                    problems.add("gap " + (lastSeq + 1) + ".." + (seq - 1));
                }
            }
            lastSeq = seq;
        }
        if (recordArrivals) {
            arrivals.putIfAbsent(seq, System.currentTimeMillis());
        }
    }

    /** As the page does on resync: fetch the board, subscribe from its sequence. */
    private void resyncFromPage(boolean documented) {
        if (closed) {
            return;
        }
        try {
            long pageSeq = WebSession.lastEventId(session.boardPage(instances.get(instance).baseUrl(), boardId));
            synchronized (this) {
                if (pageSeq > lastSeq) {
                    if (documented) {
                        skippedByResync.addAndGet((int) (pageSeq - lastSeq));
                    } else {
                        lost.addAndGet((int) (pageSeq - lastSeq));
                    }
                    lastSeq = pageSeq;
                }
            }
        } catch (RuntimeException pageFailed) {
            problems.add("board page after resync: " + pageFailed.getMessage());
        }
        // the stream ends after a resync; ended() reconnects from lastSeq
    }

    @Override
    public void ended(SseClient ended) {
        synchronized (lock) {
            if (closed || ended != client || handled == ended) {
                return;
            }
            handled = ended;
        }
        if (ended.status() >= 500) {
            serverErrors.incrementAndGet();
        }
        if (ended.status() != 200) {
            instance = (instance + 1) % instances.size(); // no answer, or a bad one: the balancer tries another
        }
        if (reconnectCount.incrementAndGet() > MAX_RECONNECTS) {
            problems.add("gave up after " + MAX_RECONNECTS + " reconnects");
            return;
        }
        reconnects.schedule(this::connect, RETRY_MILLIS, TimeUnit.MILLISECONDS);
    }

    void close() {
        closed = true;
        SseClient c = client;
        if (c != null) {
            c.close();
        }
    }

    /** Events the board's log holds after this viewer's start that it neither received nor skipped by a documented resync. */
    long missingUpTo(long boardLastSeq) {
        return lost.get() + Math.max(0, boardLastSeq - lastSeq);
    }
}
