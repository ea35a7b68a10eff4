package io.boardcast.reminder;

import io.boardcast.task.TaskDeadlines.Reminder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A reminder, a mention or an assignment as its recipient sees it later. Written by the reminder claim and by {@link
 * NoticesFromOthers}; read and marked read here.
 */
@Entity
@Table(name = "notifications")
public class Notification {

    @Id
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "board_id", nullable = false)
    private Long boardId;

    @Column(name = "task_id", nullable = false)
    private Long taskId;

    @Column(nullable = false)
    private String kind;

    @Column(name = "task_title", nullable = false)
    private String taskTitle;

    /** When the task was due, for a reminder; null for a mention. */
    @Column(name = "due_at")
    private Instant dueAt;

    /** Who mentioned the recipient (null for a reminder); by name, as it was. */
    @Column(name = "actor_name")
    private String actorName;

    /** The comment the mention is in; null for a task's description and for reminders. */
    @Column(name = "comment_id")
    private Long commentId;

    /** The start of the mentioning text as typed (Markdown source, shown as text). */
    @Column(name = "excerpt")
    private String excerpt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getBoardId() {
        return boardId;
    }

    public Long getTaskId() {
        return taskId;
    }

    public boolean isMention() {
        return NoticesFromOthers.MENTIONED.equals(kind);
    }

    public boolean isAssignment() {
        return NoticesFromOthers.ASSIGNED.equals(kind);
    }

    /** Someone did it (a mention, an assignment), as opposed to a reminder. */
    public boolean isFromSomeone() {
        return isMention() || isAssignment();
    }

    public String getActorName() {
        return actorName;
    }

    public Long getCommentId() {
        return commentId;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public boolean isOverdue() {
        return Reminder.OVERDUE.name().equals(kind);
    }

    public String getTaskTitle() {
        return taskTitle;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isRead() {
        return readAt != null;
    }
}
