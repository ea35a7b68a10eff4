package io.boardcast.checklist;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.OptimisticLock;

/** One item of a task's checklist: a line of text, done or not, in the task's order. */
@Entity
@Table(name = "checklist_items")
public class ChecklistItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** By id: tasks belong to the task module. */
    @Column(name = "task_id", nullable = false)
    private long taskId;

    @Column(nullable = false)
    private String text;

    @Column(nullable = false)
    private boolean done;

    /** Order within the task (0 is the top). Renumbered when another item moves, which leaves this one's forms valid. */
    @OptimisticLock(excluded = true)
    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ChecklistItem() {
    }

    ChecklistItem(long taskId, String text, int position, Instant createdAt) {
        this.taskId = taskId;
        this.text = text;
        this.position = position;
        this.createdAt = createdAt;
    }

    void toggle() {
        this.done = !done;
    }

    void rename(String text) {
        this.text = text;
    }

    void placeAt(int position) {
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public long getTaskId() {
        return taskId;
    }

    public String getText() {
        return text;
    }

    public boolean isDone() {
        return done;
    }

    public int getPosition() {
        return position;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
