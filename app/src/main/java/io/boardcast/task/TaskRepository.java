package io.boardcast.task;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** A task's labels and assignees come with it (eager, one subselect each per query), as every card shows them. */
interface TaskRepository extends JpaRepository<Task, Long> {

    @Query("select t from Task t where t.id = :taskId and t.boardId = :boardId")
    Optional<Task> findOnBoard(long boardId, long taskId);

    /** A position after every card of the column, archived ones included (so a restored card can't tie with one). */
    @Query("select coalesce(max(t.position), -1) + 1 from Task t where t.columnId = :columnId")
    int nextPosition(long columnId);

    /** The board's cards (not archived), in their order within each column. */
    @Query("select t from Task t where t.boardId = :boardId and t.archivedAt is null order by t.position, t.id")
    List<Task> onBoard(long boardId);

    /** One column's cards, in order. */
    @Query("select t from Task t where t.columnId = :columnId and t.archivedAt is null order by t.position, t.id")
    List<Task> inColumn(long columnId);

    /** Where the card is now, if it exists: no columns of it but these, none of its collections. */
    @Query("select new io.boardcast.task.CardPlace(t.id, t.columnId, t.version, t.title,"
            + " case when t.archivedAt is null then false else true end) from Task t where t.id = :taskId")
    Optional<CardPlace> placeOf(long taskId);

    /** The board's tasks (archived ones too) assigned to the user. */
    @Query("select t from Task t join t.assignees a where t.boardId = :boardId and a.username = :username")
    List<Task> assignedTo(long boardId, String username);

    /** One column's cards by id, in order: what a pushed column header carries. */
    @Query("select t.id from Task t where t.columnId = :columnId and t.archivedAt is null order by t.position, t.id")
    List<Long> orderOf(long columnId);

    @Query("select t.columnId, count(t) from Task t where t.boardId = :boardId and t.archivedAt is null"
            + " group by t.columnId")
    List<Object[]> countsOn(long boardId);

    /** The board's archive, latest first. */
    @Query("select t from Task t where t.boardId = :boardId and t.archivedAt is not null"
            + " order by t.archivedAt desc, t.id desc")
    List<Task> archivedOn(long boardId);

    /** Every card of a column (archived too) to another, after all of its cards, keeping their order. */
    @Modifying(flushAutomatically = true)
    @Query("update Task t set t.columnId = :to, t.position = t.position + :offset where t.columnId = :from")
    int moveAll(long from, long to, int offset);

    /**
     * Cards (not archived) on these boards whose title or description matches the pattern (see {@code web.Like}; a
     * trigram index serves it on PostgreSQL) or that are among those found in comments, and that are assigned as
     * asked: to this username (lower case) unless it is empty, to nobody if {@code unassigned}; latest changed first.
     */
    @Query("select t from Task t where t.boardId in :boardIds and t.archivedAt is null"
            + " and (lower(t.title) like :pattern escape '\\' or lower(t.description) like :pattern escape '\\'"
            + " or t.id in :foundInComments)"
            + " and (:assignee = '' or exists (select a.id from Task s join s.assignees a"
            + " where s.id = t.id and lower(a.username) = :assignee))"
            + " and (:unassigned = false or t.assignees is empty)"
            + " order by t.updatedAt desc, t.id desc")
    List<Task> search(Collection<Long> boardIds, String pattern, Collection<Long> foundInComments, String assignee,
            boolean unassigned, Limit limit);

    /** Hides a deleted task everywhere (the entity's restriction) until it is purged or its deletion undone. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "update tasks set deleted_at = :at where id = :taskId", nativeQuery = true)
    int hide(long taskId, Instant at);

    /** Brings back a deleted task not yet purged; 0 when it is gone for good. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "update tasks set deleted_at = null where id = :taskId and board_id = :boardId"
            + " and deleted_at is not null", nativeQuery = true)
    int unhide(long taskId, long boardId);

    /** Purges the hidden (deleted) cards of a column that is going away: their deletion can't be undone any more. */
    @Modifying(flushAutomatically = true)
    @Query(value = "delete from tasks where column_id = :columnId and deleted_at is not null", nativeQuery = true)
    int purgeHiddenIn(long columnId);
}
