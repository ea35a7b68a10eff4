package io.boardcast.comment;

import io.boardcast.realtime.Activity;
import io.boardcast.realtime.BoardEvent;
import io.boardcast.realtime.EventRenderer;
import io.boardcast.realtime.PageView;
import io.boardcast.realtime.PushedFragments;
import io.boardcast.task.TaskFragments;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A new comment, for live viewers: its card (whose count changed), the comment appended to an open task page's list
 * and the heading with the count. Never the whole list; nothing of a comment or task that is gone.
 */
@Component
class CommentFragments implements EventRenderer {

    private final CommentRepository comments;
    private final TaskFragments taskFragments;

    CommentFragments(CommentRepository comments, TaskFragments taskFragments) {
        this.comments = comments;
        this.taskFragments = taskFragments;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(CommentAdded.KIND);
    }

    @Override
    public Optional<Activity> describe(BoardEvent event) {
        return Optional.of(new Activity("commented on", event.title(), ""));
    }

    @Override
    public void render(BoardEvent event, PageView view, PushedFragments fragments) {
        taskFragments.card(event, view, fragments).ifPresent(task -> {
            if (event.commentId() != null) {
                comments.findByIdAndTaskId(event.commentId(), task.getId()).ifPresent(comment ->
                        fragments.add("comment/fragments", "appended", Map.of("comment", comment,
                                "memberNames", taskFragments.memberNames(task.getBoardId()))));
            }
            fragments.add("comment/fragments", "heading", Map.of("task", task));
            fragments.announce(event.kind(), task.getTitle());
        });
    }
}
