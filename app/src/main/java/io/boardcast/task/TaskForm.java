package io.boardcast.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/** The create and edit form. Due dates are entered as local date-times in the viewer's zone. */
public record TaskForm(
        @NotBlank(message = "Give the task a title.")
        @Size(max = 200, message = "A title has at most 200 characters.")
        String title,
        @Size(max = 10000, message = "A description has at most 10,000 characters.")
        String description,
        Long columnId,
        String assignee,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        LocalDateTime dueAt,
        String zone,
        Long version) {

    public static TaskForm empty() {
        return new TaskForm("", "", null, "", null, null, null);
    }
}
