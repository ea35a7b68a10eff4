package io.boardcast.task;

import io.boardcast.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The create and edit form. Due dates are entered as local date-times in the viewer's zone. A mutable bean rather
 * than a record, so a value that fails conversion (a date like "next tuesday") still leaves a form to show it in.
 */
public class TaskForm {

    @NotBlank(message = "Give the task a title.")
    @PlainText
    @Size(max = 200, message = "A title has at most 200 characters.")
    private String title = "";

    @Size(max = 10000, message = "A description has at most 10,000 characters.")
    @PlainText
    private String description;

    private Long columnId;
    @PlainText
    private String assignee = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime dueAt;

    @PlainText
    private String zone;

    /** The board's labels to put on the task (checkboxes; none ticked is an empty list). */
    private List<Long> labelIds = new ArrayList<>();
    private Long version;

    public static TaskForm empty() {
        return new TaskForm();
    }

    public static TaskForm of(String title, String description, String assignee, LocalDateTime dueAt, String zone) {
        TaskForm form = new TaskForm();
        form.title = title;
        form.description = description;
        form.assignee = assignee;
        form.dueAt = dueAt;
        form.zone = zone;
        return form;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getColumnId() {
        return columnId;
    }

    public void setColumnId(Long columnId) {
        this.columnId = columnId;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public LocalDateTime getDueAt() {
        return dueAt;
    }

    public void setDueAt(LocalDateTime dueAt) {
        this.dueAt = dueAt;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public List<Long> getLabelIds() {
        return labelIds;
    }

    public void setLabelIds(List<Long> labelIds) {
        this.labelIds = labelIds == null ? new ArrayList<>() : labelIds;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
