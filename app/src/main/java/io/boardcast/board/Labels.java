package io.boardcast.board;

import io.boardcast.realtime.BoardChange;
import io.boardcast.web.NotFoundException;
import io.boardcast.web.RefusedChange;
import io.boardcast.web.StaleFormException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A board's labels: read by anyone who renders cards, written by editors, one at a time under the board's lock.
 * Deleting a label takes it off every task (the database cascades the task's reference).
 */
@Service
public class Labels {

    public static final String ADDED = "LABEL_ADDED";
    public static final String CHANGED = "LABEL_CHANGED";
    public static final String DELETED = "LABEL_DELETED";
    public static final Set<String> KINDS = Set.of(ADDED, CHANGED, DELETED);

    /** One change to one of a board's labels. */
    record LabelChanged(long boardId, String kind) implements BoardChange {
    }

    private final LabelRepository labels;
    private final BoardService boards;
    private final BoardAccess access;
    private final ApplicationEventPublisher events;

    Labels(LabelRepository labels, BoardService boards, BoardAccess access, ApplicationEventPublisher events) {
        this.labels = labels;
        this.boards = boards;
        this.access = access;
        this.events = events;
    }

    /** The board's labels by name. */
    @Transactional(readOnly = true)
    public List<Label> of(long boardId) {
        return labels.findByBoardIdOrderByNameAscIdAsc(boardId);
    }

    /** Whether every id names one of the board's labels. */
    @Transactional(readOnly = true)
    public boolean allOn(long boardId, Collection<Long> ids) {
        Set<Long> onBoard = of(boardId).stream().map(Label::getId).collect(Collectors.toSet());
        return onBoard.containsAll(ids);
    }

    @Transactional
    public Label add(long boardId, String username, LabelForm form) {
        access.edit(boardId, username);
        boards.lock(boardId);
        String name = unique(boardId, form.getName(), 0);
        Label label = labels.saveAndFlush(new Label(boardId, name, form.getColor()));
        events.publishEvent(new LabelChanged(boardId, ADDED));
        return label;
    }

    @Transactional
    public void edit(long boardId, long labelId, String username, LabelForm form) {
        access.edit(boardId, username);
        boards.lock(boardId);
        Label label = labels.findByIdAndBoardId(labelId, boardId).orElseThrow(NotFoundException::new);
        if (form.getVersion() == null || form.getVersion() != label.getVersion()) {
            throw new StaleFormException();
        }
        label.change(unique(boardId, form.getName(), labelId), form.getColor());
        labels.flush();
        events.publishEvent(new LabelChanged(boardId, CHANGED));
    }

    @Transactional
    public void delete(long boardId, long labelId, String username) {
        access.edit(boardId, username);
        boards.lock(boardId);
        labels.delete(labels.findByIdAndBoardId(labelId, boardId).orElseThrow(NotFoundException::new));
        labels.flush();
        events.publishEvent(new LabelChanged(boardId, DELETED));
    }

    private String unique(long boardId, String name, long exceptId) {
        String stripped = name.strip();
        if (labels.existsByBoardIdAndNameIgnoreCaseAndIdNot(boardId, stripped, exceptId)) {
            throw new RefusedChange("name", "This board already has a label called \u201c" + stripped + "\u201d.");
        }
        return stripped;
    }
}
