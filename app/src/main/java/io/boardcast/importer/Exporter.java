package io.boardcast.importer;

import io.boardcast.account.Account;
import io.boardcast.board.Board;
import io.boardcast.board.BoardAccess;
import io.boardcast.board.BoardColumn;
import io.boardcast.board.Label;
import io.boardcast.board.Labels;
import io.boardcast.task.Task;
import io.boardcast.task.TaskService;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A board's cards as an import file: column by column in the board's order, each column's cards in theirs, due times
 * in UTC to the minute ({@code 2026-12-24T17:00Z}), assignees and labels by name separated by {@code ;}. Archived
 * cards, comments and checklists are not exported.
 */
@Service
class Exporter {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private final BoardAccess access;
    private final TaskService tasks;
    private final Labels labels;

    Exporter(BoardAccess access, TaskService tasks, Labels labels) {
        this.access = access;
        this.tasks = tasks;
        this.labels = labels;
    }

    @Transactional(readOnly = true)
    String csv(long boardId, String username) {
        Board board = access.view(boardId, username).getBoard();
        Map<Long, String> labelNames = labels.of(boardId).stream().collect(Collectors.toMap(Label::getId, Label::getName));
        Map<Long, Integer> columnOrder = board.getColumns().stream()
                .collect(Collectors.toMap(BoardColumn::getId, BoardColumn::getPosition));
        List<List<String>> rows = new ArrayList<>();
        tasks.cards(boardId, username).stream()
                .sorted(Comparator.comparing((Task task) -> columnOrder.getOrDefault(task.getColumnId(), Integer.MAX_VALUE))
                        .thenComparingInt(Task::getPosition).thenComparing(Task::getId))
                .forEach(task -> rows.add(List.of(
                        task.getTitle(),
                        Objects.requireNonNullElse(task.getDescription(), ""),
                        board.columnName(task.getColumnId()),
                        task.getAssignees().stream().map(Account::getUsername).collect(Collectors.joining(CsvFile.LIST_SEPARATOR)),
                        task.getDueAt() == null ? "" : DUE.format(task.getDueAt()),
                        task.getLabelIds().stream().map(labelNames::get).filter(Objects::nonNull).sorted(String.CASE_INSENSITIVE_ORDER)
                                .collect(Collectors.joining(CsvFile.LIST_SEPARATOR)))));
        return CsvFile.write(rows);
    }
}
