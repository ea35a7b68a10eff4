package io.boardcast.realtime;

import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A personal event (or a reconnecting stream's catch-up) rendered once on this instance and shared by that person's
 * streams here, named {@code personal}; or a {@link Signals signal}, shared by a board's streams here, named
 * {@code signal} and never with an id. On a personal stream it carries the notification id as its SSE {@code id:},
 * so the browser resumes after it; on a board stream it carries no {@code id:} at all, so the board's Last-Event-ID
 * stays the board's sequence. Rendered lazily by the first sender that needs it, never on the dispatcher; a render
 * that fails caches nothing.
 */
final class PersonalFrame {

    /** The html to swap and the notification id it is about (0 for none). */
    record Rendered(String html, long id) {
    }

    private final String name;
    private final Supplier<Rendered> renderer;
    /** Not {@code synchronized}: a virtual thread must not pin its carrier while it waits for the database. */
    private final ReentrantLock rendering = new ReentrantLock();
    private volatile Rendered rendered;

    PersonalFrame(Supplier<Rendered> renderer) {
        this("personal", renderer);
    }

    PersonalFrame(String name, Supplier<Rendered> renderer) {
        this.name = name;
        this.renderer = renderer;
    }

    /** The SSE frame: with the notification id for a personal stream, without any id for a board stream. */
    Set<DataWithMediaType> frame(boolean withId) {
        Rendered now = rendered();
        SseEmitter.SseEventBuilder event = SseEmitter.event();
        if (withId && now.id() > 0) {
            event.id(Long.toString(now.id()));
        }
        return event.name(name).data(now.html()).build();
    }

    private Rendered rendered() {
        Rendered now = rendered;
        if (now != null) {
            return now;
        }
        rendering.lock();
        try {
            if (rendered == null) {
                rendered = renderer.get();
            }
            return rendered;
        } finally {
            rendering.unlock();
        }
    }
}
