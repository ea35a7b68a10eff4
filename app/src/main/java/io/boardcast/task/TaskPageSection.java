package io.boardcast.task;

import org.springframework.ui.Model;

/**
 * A part of the task page that another module owns (comments, for one): it adds its model and names its fragment,
 * so the task module needs to know nothing about it.
 */
public interface TaskPageSection {

    /** The fragment to include below the task, e.g. {@code "comment/fragments :: task-section"}. */
    String fragment();

    /** Adds what the fragment needs, unless the model already has it (a form coming back with its errors). */
    void addTo(Model model, Task task);
}
