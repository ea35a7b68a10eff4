package io.boardcast.task;

import io.boardcast.account.Account;
import io.boardcast.board.Board;
import io.boardcast.board.BoardColumn;
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
import java.time.Instant;

@Entity
@Table(name = "tasks")
public class Task {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "board_id")
    private Board board;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "column_id")
    private BoardColumn column;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String title;

    private String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    private Account assignee;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "creator_id")
    private Account creator;

    @Column(name = "due_at")
    private Instant dueAt;

    /** Written only by the reminder claim (never by JPA, so an edit can't undo a claim). */
    @Column(name = "due_soon_fired_for", insertable = false, updatable = false)
    private Instant dueSoonFiredFor;

    @Column(name = "overdue_fired_for", insertable = false, updatable = false)
    private Instant overdueFiredFor;

    /** Kept beside the task so a board of cards renders without counting comments per card. */
    @Column(name = "comment_count", nullable = false)
    private int commentCount;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Task() {
    }

    Task(BoardColumn column, int position, Account creator, TaskDetails details, Instant now) {
        this.board = column.getBoard();
        this.column = column;
        this.position = position;
        this.creator = creator;
        this.createdAt = now;
        change(details, now);
    }

    void change(TaskDetails details, Instant now) {
        this.title = details.title();
        this.description = details.description();
        this.assignee = details.assignee();
        this.dueAt = details.dueAt();
        this.updatedAt = now;
    }

    void moveTo(BoardColumn target, int position, Instant now) {
        this.column = target;
        this.position = position;
        this.updatedAt = now;
    }

    /** Called by the comment module in the comment's own transaction. */
    public void commentAdded() {
        this.commentCount++;
    }

    public Long getId() {
        return id;
    }

    public Board getBoard() {
        return board;
    }

    public BoardColumn getColumn() {
        return column;
    }

    public int getPosition() {
        return position;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Account getAssignee() {
        return assignee;
    }

    public Account getCreator() {
        return creator;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    /** "overdue" or "due-soon" once that reminder has fired for the current due time; null when done or unset. */
    public String getDueState() {
        if (dueAt == null || board.isLastColumn(column)) {
            return null;
        }
        if (dueAt.equals(overdueFiredFor)) {
            return "overdue";
        }
        return dueAt.equals(dueSoonFiredFor) ? "due-soon" : null;
    }

    public int getCommentCount() {
        return commentCount;
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
