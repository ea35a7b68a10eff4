package io.boardcast.presence;

import io.boardcast.realtime.OpenStream;
import io.boardcast.realtime.PageView;
import io.boardcast.realtime.Signals;
import io.boardcast.realtime.StreamListener;
import io.boardcast.task.TaskService;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps the store in step with this instance's open streams and tells every viewer of a board when its presence
 * changed (a {@code PRESENCE} signal, carrying nothing: the renderer reads the board's presence as it is then).
 * <ul>
 *   <li>A stream opens or closes: its entry is added or removed (on a thread of presence's own, in order, never on
 *       the thread that opened or noticed it) and the board is signalled. A closed tab's page says so itself at once
 *       ({@link #leavePage}); a tab that vanished without saying so is noticed by the next heartbeat that fails.</li>
 *   <li>Every {@code refresh-interval}, one call extends this instance's entries; an instance that vanished stops
 *       doing so and its entries expire after {@code ttl}. The same tick compares each board this instance shows with
 *       what it last rendered for it and signals a board whose presence changed without a signal (an expiry, or a
 *       signal that was lost on the way).</li>
 * </ul>
 */
@Component
class Presence implements StreamListener, SchedulingConfigurer {

    static final String SIGNAL = "PRESENCE";

    /** Changes of one board within this long go out as one signal (each shows the whole state, read when rendered). */
    static final long COALESCE_MILLIS = 150;

    private static final Logger log = LoggerFactory.getLogger(Presence.class);

    private final PresenceStore store;
    private final Signals signals;
    private final TaskService tasks;
    private final PresenceProperties properties;
    private final Clock clock;
    /** This instance's open streams by id. */
    private final Map<String, OpenStream> local = new ConcurrentHashMap<>();
    /** What was last rendered here, per board: who is where (see {@link #shown}). */
    private final Map<Long, String> rendered = new ConcurrentHashMap<>();
    /** Boards with a signal on its way out from here. */
    private final Set<Long> signalling = ConcurrentHashMap.newKeySet();
    /** Writes the store for streams opening and closing, in order, and sends the signals. */
    private final ScheduledThreadPoolExecutor writer = new ScheduledThreadPoolExecutor(1,
            new CustomizableThreadFactory("presence-"));

    Presence(PresenceStore store, Signals signals, TaskService tasks, PresenceProperties properties, Clock clock) {
        this.store = store;
        this.signals = signals;
        this.tasks = tasks;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void opened(OpenStream stream) {
        local.put(stream.id(), stream);
        write(stream.boardId(), () -> {
            store.join(stream.boardId(), new Viewer(stream.id(), stream.page(), stream.username(), taskOf(stream),
                    false), expiresAt());
            return true;
        });
    }

    @Override
    public void closed(OpenStream stream) {
        local.remove(stream.id());
        write(stream.boardId(), () -> store.leave(stream.boardId(), stream.id()));
    }

    /** A page closing says so (its streams may live on any instance, and be noticed gone only later). */
    void leavePage(long boardId, String page, String username) {
        if (store.leavePage(boardId, page, username)) {
            signal(boardId);
        }
    }

    /** Focus came into (or left) the edit form of the task page named {@code page}. */
    void editing(long boardId, String page, String username, boolean editing) {
        if (store.editing(boardId, page, username, editing)) {
            signal(boardId);
        }
    }

    /** The board's entries now, for its pages. */
    List<Viewer> viewers(long boardId) {
        return store.viewers(boardId, clock.millis());
    }

    /** Remembers what this instance last showed of the board, so that {@link #tick} can tell whether it changed. */
    void rendered(long boardId, List<Viewer> viewers) {
        rendered.put(boardId, shown(viewers));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::tick, properties.refreshInterval());
    }

    /** Refreshes this instance's entries, then signals each board it shows whose presence changed unsignalled. */
    void tick() {
        try {
            Map<Long, Set<String>> ids = local.values().stream().collect(Collectors.groupingBy(OpenStream::boardId,
                    Collectors.mapping(OpenStream::id, Collectors.toSet())));
            store.refresh(ids, expiresAt());
            rendered.keySet().retainAll(ids.keySet());
            for (Long boardId : ids.keySet()) {
                String now = shown(viewers(boardId));
                if (!now.equals(rendered.get(boardId))) {
                    signal(boardId);
                }
            }
        } catch (RuntimeException storeDown) {
            log.warn("Could not refresh presence ({}); the next tick retries", storeDown.toString());
        }
    }

    /** Who is where as the pages show it: one line per person and place, sorted. */
    private static String shown(List<Viewer> viewers) {
        return viewers.stream().map(v -> v.username() + "|" + v.taskId() + "|" + v.editing()).distinct().sorted()
                .collect(Collectors.joining("\n"));
    }

    /** The task a task page's stream names, if it is on the board and the person may see it; else 0 (the board). */
    private long taskOf(OpenStream stream) {
        if (stream.view().page() != PageView.Page.TASK || stream.taskId() <= 0) {
            return 0;
        }
        try {
            tasks.find(stream.boardId(), stream.taskId(), stream.username());
            return stream.taskId();
        } catch (RuntimeException notThere) {
            return 0;
        }
    }

    private long expiresAt() {
        return clock.millis() + properties.ttl().toMillis();
    }

    private interface Change {
        boolean apply();
    }

    private void write(long boardId, Change change) {
        try {
            writer.execute(() -> {
                try {
                    if (change.apply()) {
                        signal(boardId);
                    }
                } catch (RuntimeException storeDown) {
                    // An entry not added shows from the next tick's check; one not removed expires.
                    log.warn("Could not update board {}'s presence ({})", boardId, storeDown.toString());
                }
            });
        } catch (RuntimeException shutDown) {
            // shutting down: entries expire
        }
    }

    /**
     * Signals the board's presence soon: a burst of changes (a hundred people opening the board after a link was
     * shared) goes out as one signal, so a board's pages get at most a few a second however many come and go.
     */
    private void signal(long boardId) {
        if (!signalling.add(boardId)) {
            return;
        }
        try {
            writer.schedule(() -> {
                signalling.remove(boardId);
                signals.send(boardId, SIGNAL, "");
            }, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RuntimeException shutDown) {
            signalling.remove(boardId);
        }
    }

    /** Lets the streams closed by shutdown leave before Redis goes (beans that use the store are destroyed first). */
    @PreDestroy
    void stop() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
