package io.boardcast.presence;

import io.boardcast.realtime.ViewerAccess;
import io.boardcast.task.TaskService;
import io.boardcast.web.NotFoundException;
import io.boardcast.web.ReadOnlyException;
import java.security.Principal;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a page's script says about its person: that the page is closing ({@code navigator.sendBeacon} on
 * {@code pagehide}), and whether focus is in a task's edit form. Members only (others get 404, like every route of a
 * board); editing is for those who may edit (viewers 403). Answers 204; a page that names no stream of its person's
 * changes nothing.
 */
@RestController
class PresenceController {

    private final ViewerAccess access;
    private final TaskService tasks;
    private final Presence presence;

    PresenceController(ViewerAccess access, TaskService tasks, Presence presence) {
        this.access = access;
        this.tasks = tasks;
        this.presence = presence;
    }

    @PostMapping("/boards/{boardId}/presence/leave")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void leave(@PathVariable long boardId, @RequestParam(defaultValue = "") String page, Principal principal) {
        access.canEdit(boardId, principal.getName()).orElseThrow(NotFoundException::new);
        if (Pages.named(page)) {
            presence.leavePage(boardId, page, principal.getName());
        }
    }

    @PostMapping("/boards/{boardId}/tasks/{taskId}/presence")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void editing(@PathVariable long boardId, @PathVariable long taskId, @RequestParam(defaultValue = "") String page,
            @RequestParam(defaultValue = "false") boolean editing, Principal principal) {
        tasks.find(boardId, taskId, principal.getName()); // 404 for non-members and other boards' tasks
        if (!access.canEdit(boardId, principal.getName()).orElseThrow(NotFoundException::new)) {
            throw new ReadOnlyException();
        }
        if (Pages.named(page)) {
            presence.editing(boardId, page, principal.getName(), editing);
        }
    }

    /** The names pages give themselves (as the stream takes them). */
    private static final class Pages {

        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{8,64}");

        static boolean named(String page) {
            return NAME.matcher(page).matches();
        }
    }
}
