package io.boardcast.task;

import io.boardcast.account.Account;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.annotations.SQLRestriction;

/** A card. A deleted one stays hidden (deleted_at set) for a minute, so its deletion can be undone (see Undos). */
@Entity
@Table(name = "tasks")
@SQLRestriction("deleted_at is null")
public class Task {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The board and column by id: they belong to the board module, which never looks at tasks. */
    @Column(name = "board_id", nullable = false)
    private long boardId;

    @Column(name = "column_id", nullable = false)
    private long columnId;

    /**
     * Order within the column (ascending, ties by id). Renumbered when another card moves: that is no reason to call
     * this card's open forms stale, so it doesn't count for the version.
     */
    @OptimisticLock(excluded = true)
    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String title;

    private String description;

    /** Who works on it; members of the board when they were assigned. Loaded with the task, one query per batch. */
    @ManyToMany(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @JoinTable(name = "task_assignees", joinColumns = @JoinColumn(name = "task_id"),
            inverseJoinColumns = @JoinColumn(name = "account_id"))
    private Set<Account> assignees = new HashSet<>();

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "creator_id")
    private Account creator;

    @Column(name = "due_at")
    private Instant dueAt;

    /** Written only by the reminder claim in {@link TaskDeadlines} (never by JPA, so an edit can't undo a claim). */
    @Column(name = "due_soon_fired_for", insertable = false, updatable = false)
    private Instant dueSoonFiredFor;

    @Column(name = "overdue_fired_for", insertable = false, updatable = false)
    private Instant overdueFiredFor;

    /**
     * Kept beside the task so a board of cards renders without counting comments per card. A new comment is no
     * reason to call the task's open edit and move forms stale, so the count doesn't bump the version.
     */
    @OptimisticLock(excluded = true)
    @Column(name = "comment_count", nullable = false)
    private int commentCount;

    /** The board's labels on this task, by id (labels belong to the board module). Loaded with the task. */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "task_labels", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "label_id")
    private Set<Long> labelIds = new HashSet<>();

    /**
     * The checklist's progress, counted by the checklist module under the board's lock. Ticking an item is no reason to
     * call the task's open forms stale, so neither counts for the version.
     */
    @OptimisticLock(excluded = true)
    @Column(name = "checklist_done", nullable = false)
    private int checklistDone;

    @OptimisticLock(excluded = true)
    @Column(name = "checklist_total", nullable = false)
    private int checklistTotal;

    /** Set while the task is archived: off the board, no reminders, comments and history kept. */
    @Column(name = "archived_at")
    private Instant archivedAt;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Task() {
    }

    Task(long boardId, long columnId, int position, Account creator, TaskDetails details, Instant now) {
        this.boardId = boardId;
        this.columnId = columnId;
        this.position = position;
        this.creator = creator;
        this.createdAt = now;
        change(details, now);
    }

    void change(TaskDetails details, Instant now) {
        this.title = details.title();
        this.description = details.description();
        this.assignees.clear();
        this.assignees.addAll(details.assignees());
        this.dueAt = details.dueAt();
        this.labelIds.clear();
        this.labelIds.addAll(details.labelIds());
        this.updatedAt = now;
    }

    void moveTo(long columnId, Instant now) {
        this.columnId = columnId;
        this.updatedAt = now;
    }

    void placeAt(int position) {
        this.position = position;
    }

    void archive(Instant now) {
        this.archivedAt = now;
        this.updatedAt = now;
    }

    void restore(int position, Instant now) {
        this.archivedAt = null;
        this.position = position;
        this.updatedAt = now;
    }

    void commentAdded() {
        this.commentCount++;
    }

    void checklistCounted(int done, int total) {
        this.checklistDone = done;
        this.checklistTotal = total;
    }

    public Long getId() {
        return id;
    }

    public long getBoardId() {
        return boardId;
    }

    public long getColumnId() {
        return columnId;
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

    /** The assignees by name, as cards list them. */
    public List<Account> getAssignees() {
        return assignees.stream().sorted(Comparator.comparing(Account::getUsername, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** Takes the member off the task (they left the board); whether they were on it. */
    boolean unassign(String username) {
        return assignees.removeIf(account -> account.getUsername().equalsIgnoreCase(username));
    }

    public boolean isAssignedTo(String username) {
        return assignees.stream().anyMatch(account -> account.getUsername().equalsIgnoreCase(username));
    }

    public boolean isUnassigned() {
        return assignees.isEmpty();
    }

    public Account getCreator() {
        return creator;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    /**
     * "overdue" or "due-soon" once that reminder has fired for the current due time; null when unset. (Pages hide it
     * for tasks in a column that counts as done.)
     */
    public String dueState() {
        if (dueAt == null) {
            return null;
        }
        if (dueAt.equals(overdueFiredFor)) {
            return "overdue";
        }
        return dueAt.equals(dueSoonFiredFor) ? "due-soon" : null;
    }

    public Set<Long> getLabelIds() {
        return labelIds;
    }

    public Instant getArchivedAt() {
        return archivedAt;
    }

    public boolean isArchived() {
        return archivedAt != null;
    }

    public int getCommentCount() {
        return commentCount;
    }

    public int getChecklistDone() {
        return checklistDone;
    }

    public int getChecklistTotal() {
        return checklistTotal;
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
