package io.boardcast.realtime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * An event rendered at most once per instance and {@link PageView} (editors see move forms, viewers don't; a filtered
 * page sees only its cards), and framed as Server-Sent Events once, then shared by every local stream of its board
 * with that view: fan-out does no per-stream work.
 * <p>
 * Rendering is lazy and happens on the first stream sender that needs it, never on the thread that feeds every board
 * nor under a board's lock. A render that fails (the database is down) caches nothing: the next caller tries again.
 */
final class EventFrame {

    private final BoardEvent event;
    private final BiFunction<BoardEvent, PageView, String> renderer;
    /** Not {@code synchronized}: a virtual thread must not pin its carrier while it waits for the database. */
    private final ReentrantLock rendering = new ReentrantLock();
    private final Map<PageView, Set<DataWithMediaType>> frames = new ConcurrentHashMap<>();
    private volatile int bytes;

    EventFrame(BoardEvent event, BiFunction<BoardEvent, PageView, String> renderer) {
        this.event = event;
        this.renderer = renderer;
    }

    BoardEvent event() {
        return event;
    }

    long seq() {
        return event.seq();
    }

    /** Characters rendered so far (every view): what keeping this event in a cache costs. */
    int renderedSize() {
        return bytes;
    }

    /** The complete SSE frame (id, event name, data lines) for this view; renders it on first use. */
    Set<DataWithMediaType> frame(PageView view) {
        Set<DataWithMediaType> frame = frames.get(view);
        if (frame != null) {
            return frame;
        }
        rendering.lock();
        try {
            frame = frames.get(view);
            if (frame == null) {
                String html = renderer.apply(event, view);
                frame = SseEmitter.event().id(Long.toString(event.seq())).name("board").data(html).build();
                bytes += html.length();
                frames.put(view, frame);
            }
            return frame;
        } finally {
            rendering.unlock();
        }
    }
}
