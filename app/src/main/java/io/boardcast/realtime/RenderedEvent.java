package io.boardcast.realtime;

import java.util.function.BiFunction;

/**
 * An event rendered at most once per instance and variant (editors see move forms, viewers don't), then shared by
 * every local stream of its board.
 */
final class RenderedEvent {

    private final BoardEvent event;
    private final BiFunction<BoardEvent, Boolean, String> renderer;
    private String forEditors;
    private String forViewers;

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

    synchronized String html(boolean canEdit) {
        if (canEdit) {
            if (forEditors == null) {
                forEditors = renderer.apply(event, true);
            }
            return forEditors;
        }
        if (forViewers == null) {
            forViewers = renderer.apply(event, false);
        }
        return forViewers;
    }
}
