package io.boardcast.realtime;

import io.boardcast.board.BoardColumnRepository;
import io.boardcast.board.ChangeKind;
import io.boardcast.comment.CommentService;
import io.boardcast.task.Task;
import io.boardcast.task.TaskRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders what a board event changed, as out-of-band swaps, from the very fragments the pages are built from. Always
 * the current state, so replaying an event, or receiving it twice, shows the same thing.
 */
@Component
class FragmentRenderer {

    private final ITemplateEngine templates;
    private final TransactionTemplate readOnly;
    private final TaskRepository tasks;
    private final BoardColumnRepository columns;
    private final CommentService comments;
    private final Clock clock;

    FragmentRenderer(ITemplateEngine templates, PlatformTransactionManager transactions, TaskRepository tasks,
            BoardColumnRepository columns, CommentService comments, Clock clock) {
        this.clock = clock;
        this.templates = templates;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.tasks = tasks;
        this.columns = columns;
        this.comments = comments;
    }

    /**
     * Total: renders any logged event whatever happened to its task since (deleted, moved, renamed, due date
     * cleared); it only throws when the database can't be read.
     */
    String render(BoardEvent event, boolean canEdit) {
        if (event.kind() == ChangeKind.MEMBER_REMOVED) {
            return "";
        }
        return readOnly.execute(status -> {
            StringBuilder html = new StringBuilder();
            Optional<Task> task = tasks.findById(event.taskId());
            switch (event.kind()) {
                case TASK_CREATED, TASK_DELETED -> column(html, event.columnId(), canEdit);
                case TASK_MOVED -> {
                    if (event.previousColumnId() != null) {
                        column(html, event.previousColumnId(), canEdit);
                    }
                    column(html, event.columnId(), canEdit);
                }
                case TASK_EDITED, COMMENT_ADDED, REMINDER_DUE_SOON, REMINDER_OVERDUE -> {
                    if (task.isPresent()) {
                        fragment(html, "task/fragments", "card", Map.of("task", task.get(), "canEdit", canEdit));
                    } else {
                        column(html, event.columnId(), canEdit);
                    }
                }
            }
            task.ifPresent(t -> {
                switch (event.kind()) {
                    case TASK_EDITED -> fragment(html, "task/fragments", "summary", Map.of("task", t));
                    case COMMENT_ADDED -> comment(html, t, event.commentId());
                    case REMINDER_DUE_SOON, REMINDER_OVERDUE -> {
                        fragment(html, "task/fragments", "summary", Map.of("task", t));
                        if (t.getDueAt() != null) {
                            // No toast once the due date is gone: there is nothing left to remind of.
                            fragment(html, "realtime/fragments", "toast",
                                    Map.of("kind", event.kind().name(), "title", t.getTitle(), "dueIn", dueIn(t)));
                        }
                    }
                    default -> { }
                }
            });
            fragment(html, "realtime/fragments", "announcement",
                    Map.of("kind", event.kind().name(), "title", task.map(Task::getTitle).orElse("")));
            return html.toString();
        });
    }

    /** "in 2 h", "in 40 min": when the task is due, from now. */
    private String dueIn(Task task) {
        Duration left = Duration.between(clock.instant(), task.getDueAt());
        if (left.isNegative()) {
            return "now";
        }
        return left.toHours() >= 1 ? "in " + Math.round(left.toMinutes() / 60.0) + " h"
                : "in " + Math.max(1, left.toMinutes()) + " min";
    }

    /** The new comment, appended to its task's list, and the count: never the whole list. Nothing for a gone one. */
    private void comment(StringBuilder html, Task task, Long commentId) {
        if (commentId != null) {
            comments.find(task.getId(), commentId).ifPresent(comment ->
                    fragment(html, "comment/fragments", "appended", Map.of("comment", comment)));
        }
        fragment(html, "comment/fragments", "heading", Map.of("task", task));
    }

    private void column(StringBuilder html, long columnId, boolean canEdit) {
        columns.findById(columnId).ifPresent(column ->
                fragment(html, "board/fragments", "column", Map.of("column", column, "canEdit", canEdit)));
    }

    private void fragment(StringBuilder html, String template, String selector, Map<String, Object> variables) {
        Context context = new Context(Locale.ENGLISH, variables);
        context.setVariable("oob", true);
        html.append(templates.process(template, Set.of(selector), context));
    }
}
