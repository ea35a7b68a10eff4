package io.boardcast.board;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A board's label: a name and a colour from the palette. Tasks refer to it by id. */
@Entity
@Table(name = "labels")
public class Label {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "board_id", nullable = false)
    private long boardId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LabelColor color;

    @Version
    private long version;

    protected Label() {
    }

    Label(long boardId, String name, LabelColor color) {
        this.boardId = boardId;
        this.name = name;
        this.color = color;
    }

    void change(String name, LabelColor color) {
        this.name = name;
        this.color = color;
    }

    public Long getId() {
        return id;
    }

    public long getBoardId() {
        return boardId;
    }

    public String getName() {
        return name;
    }

    public LabelColor getColor() {
        return color;
    }

    public long getVersion() {
        return version;
    }
}
