package io.boardcast.task;

import io.boardcast.account.Account;
import io.boardcast.board.BoardAccess;
import io.boardcast.board.BoardService;
import io.boardcast.board.Labels;
import io.boardcast.board.Membership;
import io.boardcast.realtime.EventLog;
import io.boardcast.realtime.PageView;
import io.boardcast.web.NotFoundException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;

/** What the task page needs; shared by the page and the forms on it (of any module) that come back with errors. */
@Component
public class TaskPage {

    private final BoardAccess access;
    private final BoardService boards;
    private final EventLog log;
    private final List<TaskPageSection> sections;
    private final TaskRepository tasks;
    private final Labels labels;

    TaskPage(BoardAccess access, BoardService boards, EventLog log, List<TaskPageSection> sections,
            TaskRepository tasks, Labels labels) {
        this.labels = labels;
        this.tasks = tasks;
        this.access = access;
        this.boards = boards;
        this.log = log;
        this.sections = sections;
    }

    /**
     * Fills the model for the user's view of the task (not found for non-members and other boards' tasks) and
     * returns the task; {@code form} null means the task as stored.
     */
    @Transactional(readOnly = true)
    public Task addTo(Model model, long boardId, long taskId, String username, TaskForm form) {
        Membership membership = access.view(boardId, username);
        // Read the sequence before the task, so the page subscribes from a point no later than what it shows.
        model.addAttribute("lastEventSeq", log.lastSeq(boardId));
        Task task = tasks.findOnBoard(boardId, taskId).orElseThrow(NotFoundException::new);
        model.addAttribute("board", membership.getBoard());
        model.addAttribute("task", task);
        model.addAttribute("canEdit", membership.canEdit());
        model.addAttribute("view", PageView.task(membership.canEdit()));
        model.addAttribute("members", boards.members(boardId));
        model.addAttribute("memberNames", access.members(boardId));
        model.addAttribute("labels", labels.of(boardId));
        model.addAttribute("form", form == null ? formOf(task) : form);
        model.addAttribute("sections", sections.stream().map(TaskPageSection::fragment).toList());
        sections.forEach(section -> section.addTo(model, task));
        return task;
    }

    /** The edit form filled with the task as stored; due dates in UTC (the browser converts them to its zone). */
    static TaskForm formOf(Task task) {
        LocalDateTime due = task.getDueAt() == null ? null : LocalDateTime.ofInstant(task.getDueAt(), ZoneOffset.UTC);
        TaskForm form = TaskForm.of(task.getTitle(), task.getDescription(),
                task.getAssignees().stream().map(Account::getUsername).toList(), due, "UTC");
        form.setColumnId(task.getColumnId());
        form.setLabelIds(new ArrayList<>(task.getLabelIds()));
        form.setVersion(task.getVersion());
        return form;
    }
}
