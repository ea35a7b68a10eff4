package io.boardcast.checklist;

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
 * A changed checklist, for live viewers: its card (whose progress changed) and, for an open task page, the list and
 * the heading as they are now (a list is at most {@link ChecklistService#MAX_ITEMS} short lines, so it is pushed
 * whole, which also covers moves and deletions). Never the add form, which someone may be typing into; nothing of a
 * task that is gone.
 */
@Component
class ChecklistFragments implements EventRenderer {

    private final ChecklistItemRepository items;
    private final TaskFragments taskFragments;

    ChecklistFragments(ChecklistItemRepository items, TaskFragments taskFragments) {
        this.items = items;
        this.taskFragments = taskFragments;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(ChecklistChanged.KIND);
    }

    @Override
    public Optional<Activity> describe(BoardEvent event) {
        return Optional.of(new Activity("changed the checklist of", event.title(), ""));
    }

    @Override
    public void render(BoardEvent event, PageView view, PushedFragments fragments) {
        taskFragments.card(event, view, fragments).ifPresent(task -> {
            Map<String, Object> model = Map.of("task", task, "canEdit", view.canEdit(),
                    "checklist", items.findByTaskIdOrderByPositionAscIdAsc(task.getId()));
            fragments.add("checklist/fragments", "list", model);
            fragments.add("checklist/fragments", "heading", model);
            fragments.announce(event.kind(), task.getTitle());
        });
    }
}
