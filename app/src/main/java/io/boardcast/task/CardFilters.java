package io.boardcast.task;

import io.boardcast.board.Board;
import io.boardcast.board.BoardAccess;
import io.boardcast.board.BoardColumn;
import io.boardcast.board.Label;
import io.boardcast.board.Labels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A {@link CardFilter} applied to one board: its labels and people looked up there, its text searched in titles and
 * descriptions (here) and comments (once per call, through {@link CommentSearch}). The board page and every pushed
 * card of a filtered page go through here, so a card shows live exactly when it would show on a reload.
 */
@Component
class CardFilters {

    private final Labels labels;
    private final BoardAccess access;
    private final CommentSearch comments;
    private final Clock clock;
    private final Duration soon;

    CardFilters(Labels labels, BoardAccess access, CommentSearch comments, Clock clock,
            @Value("${boardcast.reminders.lead-time:24h}") Duration soon) {
        this.labels = labels;
        this.access = access;
        this.comments = comments;
        this.clock = clock;
        this.soon = soon;
    }

    /** The cards that match, in the order given. */
    List<Task> matching(Board board, CardFilter filter, List<Task> cards) {
        if (filter.isEmpty()) {
            return cards;
        }
        return cards.stream().filter(predicate(board, filter, cards)).toList();
    }

    boolean matches(Board board, CardFilter filter, Task card) {
        return filter.isEmpty() || predicate(board, filter, List.of(card)).test(card);
    }

    /** What the filter bar says is wrong: the filter's own problems and names this board doesn't know. */
    List<String> problems(Board board, CardFilter filter) {
        List<String> problems = new ArrayList<>(filter.problems());
        List<Label> onBoard = labels.of(board.getId());
        filter.labels().stream().filter(token -> label(onBoard, token).isEmpty())
                .forEach(token -> problems.add("This board has no label “" + token + "”."));
        String assignee = filter.assignee();
        if (!assignee.isEmpty() && !isPerson(assignee) && !isMember(board, assignee)) {
            problems.add("“" + assignee + "” is not a member of this board.");
        }
        return problems;
    }

    private Predicate<Task> predicate(Board board, CardFilter filter, Collection<Task> cards) {
        Predicate<Task> matches = card -> true;
        if (!filter.q().isEmpty()) {
            String text = filter.text();
            Set<Long> inComments = comments.amongTasks(cards.stream().map(Task::getId).toList(), text);
            matches = matches.and(card -> contains(card.getTitle(), text) || contains(card.getDescription(), text)
                    || inComments.contains(card.getId()));
        }
        List<Label> onBoard = filter.labels().isEmpty() ? List.of() : labels.of(board.getId());
        for (String token : filter.labels()) {
            Optional<Long> labelId = label(onBoard, token).map(Label::getId);
            matches = matches.and(card -> labelId.isPresent() && card.getLabelIds().contains(labelId.get()));
        }
        if (!filter.assignee().isEmpty()) {
            matches = matches.and(assignedTo(filter.assignee()));
        }
        if (CardFilter.DUE_STATES.contains(filter.due())) {
            matches = matches.and(due(board, filter.due()));
        }
        return matches;
    }

    private static Predicate<Task> assignedTo(String who) {
        if (CardFilter.NOBODY.equalsIgnoreCase(who)) {
            return Task::isUnassigned;
        }
        return card -> card.isAssignedTo(who);
    }

    private Predicate<Task> due(Board board, String state) {
        Instant now = clock.instant();
        return switch (state) {
            case "none" -> card -> card.getDueAt() == null;
            case "overdue" -> card -> card.getDueAt() != null && card.getDueAt().isBefore(now) && !inDone(board, card);
            default -> card -> card.getDueAt() != null && !card.getDueAt().isBefore(now)
                    && card.getDueAt().isBefore(now.plus(soon)) && !inDone(board, card);
        };
    }

    /** A task in a done column is neither overdue nor due soon: nothing is left to do by then. */
    private static boolean inDone(Board board, Task card) {
        return board.column(card.getColumnId()).map(BoardColumn::isDone).orElse(false);
    }

    private static Optional<Label> label(List<Label> onBoard, String token) {
        return onBoard.stream()
                .filter(label -> token.equals(String.valueOf(label.getId())) || token.equalsIgnoreCase(label.getName()))
                .findFirst();
    }

    private static boolean isPerson(String assignee) {
        return CardFilter.NOBODY.equalsIgnoreCase(assignee) || CardFilter.ME.equalsIgnoreCase(assignee);
    }

    private boolean isMember(Board board, String username) {
        return access.members(board.getId()).stream().anyMatch(username::equalsIgnoreCase);
    }

    private static boolean contains(String field, String lowerCaseText) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }
}
