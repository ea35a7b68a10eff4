package io.boardcast.realtime;

import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * An event rendered at most once per instance and variant (editors see move forms, viewers don't), and framed as
 * Server-Sent Events once, then shared by every local stream of its board: fan-out does no per-stream work.
 */
final class RenderedEvent {

    private final BoardEvent event;
    private final BiFunction<BoardEvent, Boolean, String> renderer;
    private Set<DataWithMediaType> forEditors;
    private Set<DataWithMediaType> forViewers;

    RenderedEvent(BoardEvent event, BiFunction<BoardEvent, Boolean, String> renderer) {
        this.event = event;
        this.renderer = renderer;
    }

    BoardEvent event() {
        return event;
    }

    long seq() {
        return event.seq();
    }

    /** The complete SSE frame (id, event name, data lines) for this variant. */
    synchronized Set<DataWithMediaType> frame(boolean canEdit) {
        if (canEdit) {
            if (forEditors == null) {
                forEditors = frameOf(renderer.apply(event, true));
            }
            return forEditors;
        }
        if (forViewers == null) {
            forViewers = frameOf(renderer.apply(event, false));
        }
        return forViewers;
    }

    private Set<DataWithMediaType> frameOf(String html) {
        return SseEmitter.event().id(Long.toString(event.seq())).name("board").data(html).build();
    }
}
