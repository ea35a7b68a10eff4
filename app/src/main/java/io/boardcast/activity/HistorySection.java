package io.boardcast.activity;

import io.boardcast.task.Task;
import io.boardcast.task.TaskPageSection;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The task page's history, below everything else: the task's latest changes, who made them and when. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class HistorySection implements TaskPageSection {

    static final int SIZE = 20;

    private final Activities activities;

    HistorySection(Activities activities) {
        this.activities = activities;
    }

    @Override
    public String fragment() {
        return "activity/fragments :: history";
    }

    @Override
    public void addTo(Model model, Task task) {
        Activities.Page page = activities.page(task.getBoardId(), task.getId(), Long.MAX_VALUE, SIZE);
        model.addAttribute("history", page.lines());
        model.addAttribute("moreHistory", page.older() != null);
    }
}
