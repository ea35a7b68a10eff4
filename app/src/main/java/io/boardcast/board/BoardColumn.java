package io.boardcast.board;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.OptimisticLock;

/** A column of a board: its name, place, soft work-in-progress limit, and whether its tasks count as done. */
@Entity
@Table(name = "board_columns")
public class BoardColumn {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "board_id")
    private Board board;

    @Column(nullable = false)
    private String name;

    /** Renumbered when another column moves: that is no reason to call someone's open edit form stale. */
    @OptimisticLock(excluded = true)
    @Column(nullable = false)
    private int position;

    /** Soft: a column may hold more, it is then shown as over its limit. Null for no limit. */
    @Column(name = "wip_limit")
    private Integer wipLimit;

    @Column(nullable = false)
    private boolean done;

    @Version
    private long version;

    protected BoardColumn() {
    }

    BoardColumn(Board board, String name, int position, Integer wipLimit) {
        this.board = board;
        this.name = name;
        this.position = position;
        this.wipLimit = wipLimit;
    }

    void rename(String name) {
        this.name = name;
    }

    void limit(Integer wipLimit) {
        this.wipLimit = wipLimit;
    }

    void markDone(boolean done) {
        this.done = done;
    }

    void placeAt(int position) {
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public Board getBoard() {
        return board;
    }

    public String getName() {
        return name;
    }

    public int getPosition() {
        return position;
    }

    public Integer getWipLimit() {
        return wipLimit;
    }

    public boolean isDone() {
        return done;
    }

    public long getVersion() {
        return version;
    }
}
