package io.boardcast.activity;

import io.boardcast.realtime.Activity;
import io.boardcast.realtime.ActivityRenderer;
import io.boardcast.realtime.BoardEvent;
import io.boardcast.realtime.EventLog;
import io.boardcast.realtime.EventRenderer;
import io.boardcast.realtime.PageView;
import io.boardcast.realtime.PushedFragments;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The log in words: pages of a board's (or a task's) lines, and the line a live activity page gets per change. */
@Component
class Activities implements ActivityRenderer {

    private final EventLog log;
    private final Map<String, EventRenderer> byKind = new HashMap<>();
    private final Clock clock;

    Activities(EventLog log, List<EventRenderer> renderers, Clock clock) {
        this.log = log;
        this.clock = clock;
        renderers.forEach(renderer -> renderer.kinds().forEach(kind -> byKind.put(kind, renderer)));
    }

    /**
     * A page of lines, newest first: the lines of the events before {@code beforeSeq} (a task's own when
     * {@code taskId} is given), at most {@code size} events, and the sequence to start the next (older) page below,
     * null on the last page. Changes nobody puts in words (a member leaving) are left out, so a page may hold fewer.
     */
    record Page(List<Line> lines, Long older) {
    }

    /** One read of the log: a page and one event more, which tells whether there is an older page. */
    @Transactional(readOnly = true)
    Page page(long boardId, Long taskId, long beforeSeq, int size) {
        List<EventLog.Entry> entries = log.history(boardId, taskId, beforeSeq, size + 1);
        Long older = entries.size() > size ? entries.get(size - 1).event().seq() : null;
        Instant now = clock.instant();
        List<Line> lines = entries.subList(0, Math.min(size, entries.size())).stream()
                .flatMap(entry -> describe(entry.event())
                        .map(activity -> Line.of(entry.event(), activity, entry.taskExists(), entry.at(), now))
                        .stream())
                .toList();
        return new Page(lines, older);
    }

    @Override
    public void render(BoardEvent event, Activity activity, PageView view, PushedFragments fragments) {
        // Just committed: the task exists unless this change removed it, which the task's page link would then 404.
        boolean exists = event.taskId() != 0 && log.taskExists(event.taskId());
        Instant now = clock.instant();
        Instant at = event.publishedAt() > 0 ? Instant.ofEpochMilli(event.publishedAt()) : now;
        Line line = Line.of(event, activity, exists, at, now);
        fragments.add("activity/fragments", view.activity() ? "line-added" : "history-line-added", Map.of("line", line));
    }

    private Optional<Activity> describe(BoardEvent event) {
        EventRenderer renderer = byKind.get(event.kind());
        return renderer == null ? Optional.empty() : renderer.describe(event);
    }
}
