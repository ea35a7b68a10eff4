package io.boardcast.realtime;

import io.boardcast.board.BoardAccess;
import io.boardcast.board.Membership;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A board's live updates as Server-Sent Events, for members only. Resumes after the client's last event id, taken
 * from the browser's own Last-Event-ID header or, when htmx re-creates the EventSource, from the query.
 */
@RestController
class BoardEventStream {

    private final BoardAccess access;
    private final BoardFeeds feeds;

    BoardEventStream(BoardAccess access, BoardFeeds feeds) {
        this.access = access;
        this.feeds = feeds;
    }

    @GetMapping("/boards/{boardId}/events")
    SseEmitter events(@PathVariable long boardId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParam,
            Principal principal, HttpServletResponse response) {
        Membership membership = access.view(boardId, principal.getName());
        // nginx and similar proxies would otherwise hold events back in their buffers.
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Cache-Control", "no-store");
        long lastEventId = Math.max(parse(lastEventIdHeader), parse(lastEventIdParam));
        return feeds.open(boardId, principal.getName(), membership.canEdit(), lastEventId);
    }

    private static long parse(String id) {
        try {
            return id == null || id.isBlank() ? BoardFeeds.FROM_NOW : Math.max(0, Long.parseLong(id.strip()));
        } catch (NumberFormatException notAnId) {
            return BoardFeeds.FROM_NOW;
        }
    }
}
