package io.boardcast.board;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "boards")
public class Board {

    static final List<String> DEFAULT_COLUMNS = List.of("To do", "In progress", "Done");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "board", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<BoardColumn> columns = new ArrayList<>();

    protected Board() {
    }

    Board(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
        for (int i = 0; i < DEFAULT_COLUMNS.size(); i++) {
            columns.add(new BoardColumn(this, DEFAULT_COLUMNS.get(i), i, null));
        }
        // The last default column counts as done, as it did before the flag existed.
        doneColumnOfDefaults().markDone(true);
    }

    private BoardColumn doneColumnOfDefaults() {
        return columns.get(columns.size() - 1);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    void rename(String name) {
        this.name = name;
    }

    public List<BoardColumn> getColumns() {
        return columns;
    }

    public BoardColumn firstColumn() {
        return columns.get(0);
    }

    /** Whether tasks in this column count as done: its flag, set by the team (no reminders fire for them). */
    public boolean countsAsDone(long columnId) {
        return column(columnId).map(BoardColumn::isDone).orElse(false);
    }

    BoardColumn addColumn(String name, Integer wipLimit) {
        BoardColumn column = new BoardColumn(this, name, columns.size(), wipLimit);
        columns.add(column);
        return column;
    }

    /** Puts the column at {@code position} (clamped to the board) and renumbers the rest; false if nothing moved. */
    boolean moveColumn(BoardColumn column, int position) {
        int from = columns.indexOf(column);
        int to = Math.max(0, Math.min(position, columns.size() - 1));
        if (from == to) {
            return false;
        }
        columns.remove(from);
        columns.add(to, column);
        renumber();
        return true;
    }

    void removeColumn(BoardColumn column) {
        columns.remove(column);
        renumber();
    }

    private void renumber() {
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).placeAt(i);
        }
    }
    /** The name of one of this board's columns ("" for an id that isn't one). */
    public String columnName(long columnId) {
        return column(columnId).map(BoardColumn::getName).orElse("");
    }

    /** One of this board's columns, if the id is one. */
    public Optional<BoardColumn> column(long columnId) {
        return columns.stream().filter(column -> column.getId() == columnId).findFirst();
    }
}
