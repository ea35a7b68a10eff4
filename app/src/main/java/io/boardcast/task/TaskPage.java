package io.boardcast.task;

import io.boardcast.board.Membership;
import io.boardcast.comment.CommentForm;
import io.boardcast.comment.CommentPage;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.ui.Model;

/** What the task page needs; shared by the page and the forms on it that come back with errors. */
public final class TaskPage {

    private TaskPage() {
    }

    public static void addTo(Model model, Task task, Membership membership, List<Membership> members, TaskForm form,
            CommentPage comments) {
        model.addAttribute("lastEventSeq", task.getBoard().getLastEventSeq());
        model.addAttribute("board", task.getBoard());
        model.addAttribute("task", task);
        model.addAttribute("canEdit", membership.canEdit());
        model.addAttribute("members", members);
        model.addAttribute("form", form == null ? formOf(task) : form);
        model.addAttribute("comments", comments);
        if (!model.containsAttribute("commentForm")) {
            model.addAttribute("commentForm", new CommentForm(""));
        }
    }

    /** The edit form filled with the task as stored; due dates in UTC (the browser converts them to its zone). */
    static TaskForm formOf(Task task) {
        LocalDateTime due = task.getDueAt() == null ? null : LocalDateTime.ofInstant(task.getDueAt(), ZoneOffset.UTC);
        TaskForm form = TaskForm.of(task.getTitle(), task.getDescription(),
                task.getAssignee() == null ? "" : task.getAssignee().getUsername(), due, "UTC");
        form.setColumnId(task.getColumn().getId());
        form.setVersion(task.getVersion());
        return form;
    }
}
