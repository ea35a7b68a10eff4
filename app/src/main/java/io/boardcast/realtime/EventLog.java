package io.boardcast.realtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ordered per-board log in the database: the truth that replays, backfills and sweeps read from. A change is
 * logged in the transaction that made it and handed to the bus only after that transaction commits, never before:
 * viewers only ever see the truth.
 */
@Component
public class EventLog implements EmitterRegistry.Log {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;
    private final EventBus bus;
    private final RealtimeMetrics metrics;
    private final Clock clock;

    EventLog(JdbcClient jdbc, ApplicationEventPublisher publisher, EventBus bus, RealtimeMetrics metrics, Clock clock) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.bus = bus;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The sequence number of the board's latest committed change (0 for none). A page reads it before its content,
     * so its stream subscribes from a point no later than what it shows.
     */
    @Override
    public long lastSeq(long boardId) {
        return jdbc.sql("select coalesce(max(seq), 0) from board_events where board_id = ?").param(boardId)
                .query(Long.class).single();
    }

    /**
     * Runs inside the transaction that made the change: the board's row lock (held by the writer) makes the
     * sequence follow commit order, and the log row commits or rolls back with the change itself.
     */
    @EventListener
    void record(BoardChange change) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Board changes must be published inside their transaction");
        }
        String actor = actor();
        String title = title(change);
        // The next sequence number is taken in the insert itself: one round trip, not two, on every write.
        KeyHolder seq = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into board_events (board_id, seq, kind, task_id, comment_id, column_id, previous_column_id,
                                          subject, actor, task_title, created_at)
                values (?, (select coalesce(max(seq), 0) + 1 from board_events where board_id = ?),
                        ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(change.boardId(), change.boardId(), change.kind(), change.taskId(), change.commentId(),
                        change.columnId(), change.previousColumnId(), change.endsStreamsOf(), actor, title,
                        Timestamp.from(clock.instant()))
                .update(seq, "seq");
        BoardEvent event = BoardEvent.of(change, seq.getKey().longValue(), actor, title);
        publisher.publishEvent(new Logged(event));
    }

    /**
     * The person whose request made the change; null for Boardcast's own work (reminders), which runs signed in as
     * nobody. Background work done for someone runs with their security context.
     */
    private static String actor() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken
                ? null : signedIn.getName();
    }

    /** The change's own title, else the task's as it is in this transaction (writers flush before they publish). */
    private String title(BoardChange change) {
        if (change.title() != null || change.taskId() == 0) {
            return change.title();
        }
        return jdbc.sql("select title from tasks where id = ?").param(change.taskId()).query(String.class).optional()
                .orElse(null);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void publish(Logged logged) {
        metrics.published();
        bus.publish(logged.event().publishedAt(clock.millis()));
    }

    @Override
    public Map<Long, Long> lastSeqs(Collection<Long> boardIds) {
        Map<Long, Long> seqs = new HashMap<>();
        if (!boardIds.isEmpty()) {
            jdbc.sql("select board_id, max(seq) from board_events where board_id in (:ids) group by board_id")
                    .param("ids", boardIds)
                    .query((ResultSet rs) -> {
                        seqs.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return seqs;
    }

    /** Events after {@code afterSeq} up to and including {@code toSeq}, in order. */
    @Override
    public List<BoardEvent> between(long boardId, long afterSeq, long toSeq) {
        return jdbc.sql("""
                select board_id, seq, kind, task_id, comment_id, column_id, previous_column_id, subject, actor,
                       task_title
                from board_events where board_id = ? and seq > ? and seq <= ? order by seq""")
                .params(boardId, afterSeq, toSeq)
                .query(EventLog::row)
                .list();
    }

    /**
     * A logged event with the time it was logged, and whether its task (if any) still exists: a line of the board's
     * activity or a task's history.
     */
    public record Entry(BoardEvent event, Instant at, boolean taskExists) {
    }

    /**
     * The board's events before {@code beforeSeq} (all: {@link Long#MAX_VALUE}), newest first, at most {@code limit};
     * only the task's when {@code taskId} is not null.
     */
    public List<Entry> history(long boardId, Long taskId, long beforeSeq, int limit) {
        return jdbc.sql("""
                select board_id, seq, kind, task_id, comment_id, column_id, previous_column_id, subject, actor,
                       task_title, created_at, exists (select 1 from tasks t where t.id = task_id and t.deleted_at is null) as task_exists
                from board_events where board_id = :board and seq < :before and (:task is null or task_id = :task)
                order by seq desc limit :limit""")
                .param("board", boardId)
                .param("before", beforeSeq)
                .param("task", taskId, java.sql.Types.BIGINT)
                .param("limit", limit)
                .query((rs, row) -> new Entry(row(rs, row), rs.getTimestamp("created_at").toInstant(),
                        rs.getBoolean("task_exists")))
                .list();
    }

    /** Whether the task is still there (not deleted; archived counts). */
    public boolean taskExists(long taskId) {
        return jdbc.sql("select count(*) from tasks where id = ? and deleted_at is null").param(taskId).query(Integer.class).single() > 0;
    }

    private static BoardEvent row(ResultSet rs, int rowNum) throws SQLException {
        return new BoardEvent(rs.getLong("board_id"), rs.getLong("seq"), rs.getString("kind"),
                rs.getLong("task_id"), rs.getObject("comment_id", Long.class), rs.getLong("column_id"),
                rs.getObject("previous_column_id", Long.class), rs.getString("subject"), rs.getString("actor"),
                rs.getString("task_title"), 0);
    }

    /** Published inside the transaction; handed to the bus only after it commits. */
    record Logged(BoardEvent event) {
    }
}
