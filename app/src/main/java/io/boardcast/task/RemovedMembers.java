package io.boardcast.task;

import io.boardcast.board.MemberRemoved;
import io.boardcast.task.TaskEvents.TaskEdited;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A member removed from a board leaves its cards too: nobody stays assigned to a board they can no longer see (nor
 * shows on its cards, nor is reminded of them). In the removal's transaction, under its board's lock; each card that
 * changes is logged as edited, so open pages show it.
 */
@Component
class RemovedMembers {

    private final TaskRepository tasks;
    private final ApplicationEventPublisher events;

    RemovedMembers(TaskRepository tasks, ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.events = events;
    }

    @EventListener
    void unassign(MemberRemoved removed) {
        List<Task> theirs = tasks.assignedTo(removed.boardId(), removed.username());
        theirs.forEach(task -> task.unassign(removed.username()));
        tasks.flush(); // written before the log's rows, as every change on the board
        theirs.forEach(task -> events.publishEvent(new TaskEdited(removed.boardId(), task.getId(), task.getColumnId())));
    }
}
