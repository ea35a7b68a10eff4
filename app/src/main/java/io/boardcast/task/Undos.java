package io.boardcast.task;

import io.boardcast.account.Account;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One's own moves, edits, archives and deletions, each kept with what the task was before it, so that for
 * {@link #WINDOW} it can be undone: by a new change (logged and pushed like any other), never by rewriting the log.
 * A deleted task stays (hidden) for {@link #KEPT} before it is purged, so its deletion can be undone too.
 */
@Component
class Undos {

    /** How long an undo is offered. */
    static final Duration WINDOW = Duration.ofSeconds(10);
    /** An undo clicked at the offer's last moment is still on its way: it counts for a little longer. */
    static final Duration GRACE = Duration.ofSeconds(3);
    /** How long a deleted task is kept before it is gone for good. */
    static final Duration KEPT = Duration.ofMinutes(1);

    enum Action {
        MOVE, EDIT, ARCHIVE, DELETE
    }

    /** The task as it was before a change: what its undo puts back. */
    record Before(String title, long columnId, int position, String description, Instant dueAt,
            List<String> assignees, Set<Long> labelIds) {

        static Before of(Task task) {
            return new Before(task.getTitle(), task.getColumnId(), task.getPosition(), task.getDescription(),
                    task.getDueAt(), task.getAssignees().stream().map(Account::getUsername).toList(),
                    Set.copyOf(task.getLabelIds()));
        }
    }

    /** A change that can be undone: by whom, of which task, the version it left, and what was before. */
    record Undo(long id, long boardId, long taskId, String username, Action action, long versionAfter, Before before,
            Instant createdAt, boolean undone) {

        boolean expiredAt(Instant now) {
            return now.isAfter(createdAt.plus(WINDOW).plus(GRACE));
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Undos(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Keeps a change of one's own, in its transaction; returns the offer to undo it, which says what was done
     * ({@code message}) and where to return to after an undo without JavaScript ({@code back}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    UndoOffer record(Task task, String username, Action action, Before before, String message, String back) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into task_undos (board_id, task_id, username, action, title, message, version_after,
                                                prev_column_id, prev_position, prev_description, prev_due_at,
                                                prev_assignees, prev_labels, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(task.getBoardId(), task.getId(), username, action.name(), before.title(), message,
                        task.getVersion(), before.columnId(),
                        before.position(), before.description(),
                        before.dueAt() == null ? null : Timestamp.from(before.dueAt()),
                        String.join(",", before.assignees()),
                        before.labelIds().stream().map(String::valueOf).collect(Collectors.joining(",")),
                        Timestamp.from(clock.instant()))
                .update(key, "id");
        return new UndoOffer(key.getKey().longValue(), task.getBoardId(), message, back);
    }

    /** The offer again, on the page a plain form's redirect lands on ({@code ?undo=id}): while it is open, only. */
    @Transactional(readOnly = true)
    Optional<UndoOffer> offer(long undoId, String username, String back) {
        return jdbc.sql("""
                        select board_id, message from task_undos
                        where id = ? and username = ? and undone_at is null and created_at > ?""")
                .params(undoId, username, Timestamp.from(clock.instant().minus(WINDOW)))
                .query((rs, row) -> new UndoOffer(undoId, rs.getLong("board_id"), rs.getString("message"), back))
                .optional();
    }

    /** The person's own undo on this board, locked against a second click in another tab. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Undo> find(long boardId, long undoId, String username) {
        return jdbc.sql("select * from task_undos where id = ? and board_id = ? and username = ? for update")
                .params(undoId, boardId, username)
                .query((rs, row) -> new Undo(rs.getLong("id"), rs.getLong("board_id"), rs.getLong("task_id"),
                        rs.getString("username"), Action.valueOf(rs.getString("action")), rs.getLong("version_after"),
                        new Before(rs.getString("title"), rs.getLong("prev_column_id"), rs.getInt("prev_position"),
                                rs.getString("prev_description"),
                                rs.getTimestamp("prev_due_at") == null ? null : rs.getTimestamp("prev_due_at").toInstant(),
                                split(rs.getString("prev_assignees")),
                                split(rs.getString("prev_labels")).stream().map(Long::valueOf).collect(Collectors.toSet())),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("undone_at") != null))
                .optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void markUndone(long undoId) {
        jdbc.sql("update task_undos set undone_at = ? where id = ?").params(Timestamp.from(clock.instant()), undoId)
                .update();
    }

    /** Deleted tasks past keeping, and undos long past their window, go for good; any instance may, at any time. */
    @Scheduled(fixedDelayString = "${boardcast.undo.purge-interval:PT30S}")
    @Transactional
    public void purge() {
        Instant now = clock.instant();
        jdbc.sql("delete from tasks where deleted_at is not null and deleted_at < ?")
                .param(Timestamp.from(now.minus(KEPT))).update();
        jdbc.sql("delete from task_undos where created_at < ?").param(Timestamp.from(now.minus(Duration.ofHours(1))))
                .update();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
