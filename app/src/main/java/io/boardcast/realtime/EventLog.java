package io.boardcast.realtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
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
        BoardEvent event = BoardEvent.of(change, lastSeq(change.boardId()) + 1);
        jdbc.sql("""
                insert into board_events (board_id, seq, kind, task_id, comment_id, column_id, previous_column_id,
                                          subject, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.boardId(), event.seq(), event.kind(), event.taskId(), event.commentId(),
                        event.columnId(), event.previousColumnId(), event.endsStreamsOf(),
                        Timestamp.from(clock.instant()))
                .update();
        publisher.publishEvent(new Logged(event));
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
                select board_id, seq, kind, task_id, comment_id, column_id, previous_column_id, subject
                from board_events where board_id = ? and seq > ? and seq <= ? order by seq""")
                .params(boardId, afterSeq, toSeq)
                .query(EventLog::row)
                .list();
    }

    private static BoardEvent row(ResultSet rs, int rowNum) throws SQLException {
        return new BoardEvent(rs.getLong("board_id"), rs.getLong("seq"), rs.getString("kind"),
                rs.getLong("task_id"), rs.getObject("comment_id", Long.class), rs.getLong("column_id"),
                rs.getObject("previous_column_id", Long.class), rs.getString("subject"), 0);
    }

    /** Published inside the transaction; handed to the bus only after it commits. */
    record Logged(BoardEvent event) {
    }
}
