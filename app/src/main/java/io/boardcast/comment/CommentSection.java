package io.boardcast.comment;

import io.boardcast.task.Task;
import io.boardcast.task.TaskPageSection;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The comments on the task page: the newest page of them and, for editors, the form. */
@Component
class CommentSection implements TaskPageSection {

    private final CommentService comments;

    CommentSection(CommentService comments) {
        this.comments = comments;
    }

    @Override
    public String fragment() {
        return "comment/fragments :: task-section";
    }

    @Override
    public void addTo(Model model, Task task) {
        if (!model.containsAttribute("comments")) {
            model.addAttribute("comments", comments.page(task.getBoardId(), task.getId(), null));
        }
        if (!model.containsAttribute("commentForm")) {
            model.addAttribute("commentForm", new CommentForm(""));
        }
    }
}
