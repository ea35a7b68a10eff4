package io.boardcast.checklist;

import io.boardcast.task.Task;
import io.boardcast.task.TaskPageSection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The checklist on the task page: its items and, for editors, their forms. Above the comments (which have no order). */
@Component
@Order(0)
class ChecklistSection implements TaskPageSection {

    private final ChecklistService checklist;

    ChecklistSection(ChecklistService checklist) {
        this.checklist = checklist;
    }

    @Override
    public String fragment() {
        return "checklist/fragments :: task-section";
    }

    @Override
    public void addTo(Model model, Task task) {
        model.addAttribute("checklist", checklist.of(task.getId()));
        if (!model.containsAttribute("checklistForm")) {
            model.addAttribute("checklistForm", ChecklistForm.empty());
        }
    }
}
