package io.boardcast.task;

import io.boardcast.board.Board;
import io.boardcast.board.BoardAccess;
import io.boardcast.board.BoardService;
import io.boardcast.board.Labels;
import io.boardcast.board.Membership;
import io.boardcast.realtime.EventLog;
import io.boardcast.realtime.PageView;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.FragmentsRendering;

/**
 * The board page: its columns of cards, all of them or those a filter in the query keeps ({@link CardFilter}). Also
 * fills the model for task forms that come back with errors.
 */
@Controller
class BoardPage {

    /** The filter bar's htmx requests name the columns; they get the columns, the status and the stream, out of band. */
    private static final String FILTERED_BODY = "columns";

    private final BoardAccess access;
    private final BoardService boards;
    private final TaskFragments fragments;
    private final CardFilters filters;
    private final EventLog log;
    private final Labels labels;

    BoardPage(BoardAccess access, BoardService boards, TaskFragments fragments, CardFilters filters, EventLog log,
            Labels labels) {
        this.access = access;
        this.boards = boards;
        this.fragments = fragments;
        this.filters = filters;
        this.log = log;
        this.labels = labels;
    }

    @GetMapping("/boards/{boardId}")
    ModelAndView show(@PathVariable long boardId, @RequestParam(required = false) String q,
            @RequestParam(name = "label", required = false) List<String> labelNames,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String due,
            Principal principal, HttpServletRequest request, Model model) {
        CardFilter filter = new CardFilter(q, labelNames, assignee, due);
        addTo(model, access.view(boardId, principal.getName()), TaskForm.empty(), filter);
        if (FILTERED_BODY.equals(request.getHeader("HX-Target"))
                && request.getHeader("HX-History-Restore-Request") == null) {
            model.addAttribute("oob", true);
            return new ModelAndView(FragmentsRendering.fragment("task/fragments :: columns", model.asMap())
                    .fragment("task/fragments :: filter-status", model.asMap())
                    .fragment("realtime/fragments :: connection", model.asMap())
                    .build());
        }
        return new ModelAndView("task/board", model.asMap());
    }

    /** Whether the board page an htmx request came from (its filter, in the page's address) shows the task. */
    boolean shows(HttpServletRequest request, Membership membership, Task task) {
        String page = request.getHeader("HX-Current-URL");
        int query = page == null ? -1 : page.indexOf('?');
        int hash = page == null ? -1 : page.indexOf('#', query + 1);
        CardFilter filter = query < 0 ? CardFilter.NONE
                : CardFilter.parse(hash < 0 ? page.substring(query + 1) : page.substring(query + 1, hash));
        return filters.matches(membership.getBoard(), filter.as(membership.getAccount().getUsername()), task);
    }

    void addTo(Model model, Membership membership, TaskForm form) {
        addTo(model, membership, form, CardFilter.NONE);
    }

    private void addTo(Model model, Membership membership, TaskForm form, CardFilter filter) {
        Board board = membership.getBoard();
        // Read the sequence before any content, so the page subscribes from a point no later than what it shows.
        model.addAttribute("lastEventSeq", log.lastSeq(board.getId()));
        CardFilter applied = filter.as(membership.getAccount().getUsername());
        model.addAttribute("board", board);
        model.addAttribute("columns", fragments.columns(board, applied));
        model.addAttribute("labels", labels.of(board.getId()));
        model.addAttribute("canEdit", membership.canEdit());
        model.addAttribute("members", boards.members(board.getId()));
        model.addAttribute("form", form);
        model.addAttribute("filter", filter);
        model.addAttribute("view", new PageView(membership.canEdit(), applied.query()));
        model.addAttribute("filterProblems", filters.problems(board, applied));
    }
}
