package io.boardcast.activity;

import io.boardcast.board.BoardAccess;
import io.boardcast.board.Membership;
import io.boardcast.realtime.EventLog;
import io.boardcast.realtime.PageView;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /boards/{boardId}/activity}: who did what on the board, newest first, a page at a time
 * ({@code before} = the sequence to start below). The newest page is live: each change is put on top as it happens.
 */
@Controller
class ActivityPage {

    static final int SIZE = 50;

    private final BoardAccess access;
    private final EventLog log;
    private final Activities activities;

    ActivityPage(BoardAccess access, EventLog log, Activities activities) {
        this.access = access;
        this.log = log;
        this.activities = activities;
    }

    @GetMapping("/boards/{boardId}/activity")
    String show(@PathVariable long boardId, @RequestParam(required = false) Long before, Principal principal,
            Model model) {
        Membership membership = access.view(boardId, principal.getName());
        boolean newest = before == null || before <= 0;
        if (newest) {
            // Read before the lines, so the stream starts no later than what the page shows.
            model.addAttribute("lastEventSeq", log.lastSeq(boardId));
            model.addAttribute("view", PageView.activity(membership.canEdit()));
        }
        long below = newest ? Long.MAX_VALUE : before;
        model.addAttribute("board", membership.getBoard());
        model.addAttribute("newest", newest);
        Activities.Page page = activities.page(boardId, null, below, SIZE);
        model.addAttribute("lines", page.lines());
        model.addAttribute("older", page.older());
        return "activity/activity";
    }
}
