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
            columns.add(new BoardColumn(this, DEFAULT_COLUMNS.get(i), i));
        }
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

    /** The column whose tasks count as done (no reminders): the last one. */
    public BoardColumn doneColumn() {
        return columns.get(columns.size() - 1);
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
