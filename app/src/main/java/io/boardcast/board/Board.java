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

@Entity
@Table(name = "boards")
public class Board {

    static final List<String> DEFAULT_COLUMNS = List.of("To do", "In progress", "Done");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    /** Sequence number of the board's latest logged change; read before the board's content when rendering. */
    @Column(name = "last_event_seq", nullable = false)
    private long lastEventSeq;

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

    public long getLastEventSeq() {
        return lastEventSeq;
    }

    public List<BoardColumn> getColumns() {
        return columns;
    }

    public BoardColumn firstColumn() {
        return columns.get(0);
    }

    public boolean isLastColumn(BoardColumn column) {
        return columns.get(columns.size() - 1).getId().equals(column.getId());
    }
}
