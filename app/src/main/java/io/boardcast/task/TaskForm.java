package io.boardcast.task;

import io.boardcast.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
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

    /** Members' usernames (a multiple select; none chosen is an empty list). Checked against the board's members. */
    @Size(max = 20, message = "A task has at most 20 assignees.")
    private List<String> assignees = new ArrayList<>();

    /** The single field forms and scripts sent before tasks had several assignees: one more name, blank for none. */
    private String assignee;

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

    public static TaskForm of(String title, String description, List<String> assignees, LocalDateTime dueAt,
            String zone) {
        TaskForm form = new TaskForm();
        form.title = title;
        form.description = description;
        form.assignees = new ArrayList<>(assignees);
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

    public List<String> getAssignees() {
        return assignees;
    }

    public void setAssignees(List<String> assignees) {
        this.assignees = assignees == null ? new ArrayList<>() : assignees;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    /** Every name sent, in either field, stripped, blanks and repeats left out. */
    public Set<String> assigneeNames() {
        Set<String> names = new LinkedHashSet<>();
        Stream.concat(assignees.stream(), Stream.ofNullable(assignee))
                .filter(name -> name != null && !name.isBlank())
                .forEach(name -> names.add(name.strip()));
        return names;
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
