package io.boardcast.task;

import io.boardcast.board.Board;
import io.boardcast.board.BoardService;
import io.boardcast.board.Membership;
import io.boardcast.web.Like;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Search across every board the person belongs to ({@code GET /search?q=…&assignee=…}): cards whose title,
 * description or a comment contains the text, ignoring case, and that are assigned to that person ({@code me} for
 * oneself: "my tasks", {@code nobody} for none); never a card of a board they are not a member of.
 */
@Controller
class SearchPage {

    static final int SIZE = 50;

    private final TaskRepository tasks;
    private final BoardService boards;
    private final CommentSearch comments;

    SearchPage(TaskRepository tasks, BoardService boards, CommentSearch comments) {
        this.tasks = tasks;
        this.boards = boards;
        this.comments = comments;
    }

    /** A card found, with the board and column it is in. */
    record Found(Task task, Board board, String column) {
    }

    @GetMapping("/search")
    @Transactional(readOnly = true)
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String assignee,
            Principal principal, Model model) {
        CardFilter asked = new CardFilter(q, List.of(), assignee, "");
        model.addAttribute("q", asked.q());
        model.addAttribute("assignee", asked.assignee());
        model.addAttribute("mine", CardFilter.ME.equalsIgnoreCase(asked.assignee()));
        if (!asked.q().isEmpty() || !asked.assignee().isEmpty()) {
            Map<Long, Board> mine = boards.boardsOf(principal.getName()).stream().map(Membership::getBoard)
                    .collect(Collectors.toMap(Board::getId, Function.identity()));
            List<Found> found = find(mine, asked.as(principal.getName()));
            model.addAttribute("results", found.subList(0, Math.min(SIZE, found.size())));
            model.addAttribute("more", found.size() > SIZE);
        }
        return "task/search";
    }

    private List<Found> find(Map<Long, Board> boardsById, CardFilter asked) {
        if (boardsById.isEmpty()) {
            return List.of();
        }
        String text = asked.text();
        Set<Long> inComments = new HashSet<>(text.isEmpty() ? List.of() : comments.onBoards(boardsById.keySet(), text));
        inComments.add(-1L); // an empty "in ()" is not valid SQL everywhere
        boolean unassigned = CardFilter.NOBODY.equalsIgnoreCase(asked.assignee());
        String assignee = unassigned ? "" : asked.assignee().toLowerCase(Locale.ROOT);
        return tasks.search(boardsById.keySet(), Like.containing(text), inComments, assignee, unassigned,
                        Limit.of(SIZE + 1)).stream()
                .map(task -> {
                    Board board = boardsById.get(task.getBoardId());
                    return new Found(task, board, board.columnName(task.getColumnId()));
                })
                .toList();
    }
}
