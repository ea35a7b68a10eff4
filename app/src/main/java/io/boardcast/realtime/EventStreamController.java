package io.boardcast.realtime;

import io.boardcast.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A board's live updates as Server-Sent Events, for members only. Resumes after the client's last event id, taken
 * from the browser's own Last-Event-ID header or, when htmx re-creates the EventSource, from the query. A filtered board
 * page names its filter ({@code filter}), so that cards outside it leave and cards inside it arrive; the activity
 * page says {@code view=activity} and gets a line per change, a task page {@code view=task} (and {@code task=<id>}) and gets its history too.
 * A page's script names the page ({@code page}, random, kept across reconnects) so that its later requests can name
 * its streams (presence). A board stream also carries its user's personal events; pages without a board get those alone from {@code /notifications/events},
 * so every page holds exactly one stream.
 */
@RestController
class EventStreamController {

    /** Seconds a client over its stream cap should wait: long enough for heartbeats to clear dead streams. */
    private static final String RETRY_AFTER = "15";

    private static final Pattern PAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final ViewerAccess access;
    private final EmitterRegistry registry;

    EventStreamController(ViewerAccess access, EmitterRegistry registry) {
        this.access = access;
        this.registry = registry;
    }

    @GetMapping("/boards/{boardId}/events")
    SseEmitter events(@PathVariable long boardId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParam,
            @RequestParam(name = "filter", required = false) String filter,
            @RequestParam(name = "view", required = false) String view,
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "task", required = false) String task,
            Principal principal, HttpServletRequest request, HttpServletResponse response) {
        // Not found, like every page of the board, so that non-members can't tell it exists.
        boolean canEdit = access.canEdit(boardId, principal.getName()).orElseThrow(NotFoundException::new);
        if (filter != null && filter.length() > PageView.MAX_FILTER_LENGTH) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The filter is too long.");
        }
        // nginx and similar proxies would otherwise hold events back in their buffers.
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Cache-Control", "no-store");
        long lastEventId = Math.max(parse(lastEventIdHeader), parse(lastEventIdParam));
        PageView pageView = viewOf(view, canEdit, filter);
        long taskId = pageView.page() == PageView.Page.TASK ? Math.max(0, parse(task)) : 0;
        return registry.open(boardId, principal.getName(), request.getSession().getId(), pageView, lastEventId,
                pageName(page), taskId);
    }

    /** Whether a request is for one of these streams (they are the app's only paths ending in {@code /events}). */
    static boolean isEventStream(HttpServletRequest request) {
        return request.getRequestURI().endsWith("/events");
    }

    /** What a page calls itself (random, made by its script), or null when it says nothing usable. */
    static String pageName(String page) {
        return page != null && PAGE_NAME.matcher(page).matches() ? page : null;
    }

    private static PageView viewOf(String view, boolean canEdit, String filter) {
        if ("activity".equals(view)) {
            return PageView.activity(canEdit);
        }
        if ("archive".equals(view)) {
            return PageView.archive(canEdit);
        }
        return "task".equals(view) ? PageView.task(canEdit) : new PageView(canEdit, filter);
    }

    /**
     * The signed-in person's own events (toasts and the bell), for a page that shows no board. Resumes after the
     * last notification id the client saw, like a board stream after its last sequence.
     */
    @GetMapping("/notifications/events")
    SseEmitter personal(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParam,
            Principal principal, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Cache-Control", "no-store");
        long lastNotificationId = Math.max(parse(lastEventIdHeader), parse(lastEventIdParam));
        return registry.openPersonal(principal.getName(), request.getSession().getId(), lastNotificationId);
    }

    @ExceptionHandler(StreamLimits.TooManyStreams.class)
    void tooManyStreams(StreamLimits.TooManyStreams refused, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", RETRY_AFTER);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(refused.getMessage());
    }

    /** A sequence number, or {@link EmitterRegistry#FROM_NOW} for anything that is not one (absent, negative, garbage). */
    static long parse(String id) {
        if (id == null || id.isBlank()) {
            return EmitterRegistry.FROM_NOW;
        }
        try {
            long seq = Long.parseLong(id.strip());
            return seq < 0 ? EmitterRegistry.FROM_NOW : seq;
        } catch (NumberFormatException notAnId) {
            return EmitterRegistry.FROM_NOW;
        }
    }
}
