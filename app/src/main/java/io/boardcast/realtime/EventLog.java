package io.boardcast.realtime;

import io.boardcast.board.BoardChange;
import io.boardcast.board.ChangeKind;
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
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The ordered per-board log in PostgreSQL: the truth that replays, backfills and sweeps read from. */
@Component
class EventLog {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    EventLog(JdbcClient jdbc, ApplicationEventPublisher publisher, Clock clock) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Runs inside the transaction that made the change: the board's row lock (already held by the writer) makes the
     * sequence follow commit order, and the log row commits or rolls back with the change itself.
     */
    @EventListener
    void record(BoardChange change) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Board changes must be published inside their transaction");
        }
        jdbc.sql("update boards set last_event_seq = last_event_seq + 1 where id = ?").param(change.boardId()).update();
        long seq = lastSeq(change.boardId());
        BoardEvent event = BoardEvent.of(change, seq);
        jdbc.sql("""
                insert into board_events (board_id, seq, kind, task_id, comment_id, column_id, previous_column_id,
                                          subject, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.boardId(), event.seq(), event.kind().name(), event.taskId(), event.commentId(),
                        event.columnId(), event.previousColumnId(), event.subject(), Timestamp.from(clock.instant()))
                .update();
        publisher.publishEvent(new EventLogged(event));
    }

    long lastSeq(long boardId) {
        return jdbc.sql("select last_event_seq from boards where id = ?").param(boardId).query(Long.class)
                .optional().orElse(0L);
    }

    Map<Long, Long> lastSeqs(Collection<Long> boardIds) {
        Map<Long, Long> seqs = new HashMap<>();
        if (!boardIds.isEmpty()) {
            jdbc.sql("select id, last_event_seq from boards where id in (:ids)").param("ids", boardIds)
                    .query((ResultSet rs) -> {
                        seqs.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return seqs;
    }

    /** Events after {@code afterSeq} up to and including {@code toSeq}, in order. */
    List<BoardEvent> between(long boardId, long afterSeq, long toSeq) {
        return jdbc.sql("""
                select board_id, seq, kind, task_id, comment_id, column_id, previous_column_id, subject
                from board_events where board_id = ? and seq > ? and seq <= ? order by seq""")
                .params(boardId, afterSeq, toSeq)
                .query(EventLog::row)
                .list();
    }

    private static BoardEvent row(ResultSet rs, int rowNum) throws SQLException {
        return new BoardEvent(rs.getLong("board_id"), rs.getLong("seq"), ChangeKind.valueOf(rs.getString("kind")),
                rs.getLong("task_id"), rs.getObject("comment_id", Long.class), rs.getLong("column_id"),
                rs.getObject("previous_column_id", Long.class), rs.getString("subject"), 0);
    }

    /** Published inside the transaction; handed to the bus only after it commits. */
    record EventLogged(BoardEvent event) {
    }
}
