package io.boardcast.task;

import io.boardcast.board.ColumnCards;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Answers the board module about the cards in its columns: tasks are this module's to count and move. */
@Component
class ColumnCardsOfTasks implements ColumnCards {

    private final TaskRepository tasks;

    ColumnCardsOfTasks(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Integer> countsOn(long boardId) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Object[] row : tasks.countsOn(boardId)) {
            counts.put((Long) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void moveAll(long boardId, long from, long to) {
        tasks.purgeHiddenIn(from);
        tasks.moveAll(from, to, tasks.nextPosition(to));
    }
}
