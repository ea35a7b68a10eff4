package io.boardcast.importer;

import io.boardcast.importer.ImportJob.Problem;
import io.boardcast.importer.ImportJob.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code import_jobs} and {@code import_errors} tables: the only truth about a job. Every write to a job that may
 * have ended is conditional on it still running, so a sweep's "failed" or a cancel is never overwritten by a late
 * worker, and a worker learns from a refused write that it should stop.
 */
@Repository
class ImportJobs {

    /** Skipped rows kept per job (all are counted). */
    static final int MAX_PROBLEMS_KEPT = 1_000;

    private static final String COLUMNS = """
            id, board_id, started_by, file_name, status, total, done, created, failed, cancel_requested, started_at,
            heartbeat_at, finished_at, failure""";

    private final JdbcClient jdbc;

    ImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(long boardId, String username, String fileName, int total, String instanceId, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into import_jobs (board_id, started_by, file_name, status, total, instance_id, started_at,
                                         heartbeat_at)
                values (?, ?, ?, 'RUNNING', ?, ?, ?, ?)""")
                .params(boardId, username, fileName, total, instanceId, Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<ImportJob> find(long boardId, long jobId) {
        return jdbc.sql("select " + COLUMNS + " from import_jobs where id = ? and board_id = ?")
                .params(jobId, boardId).query(ImportJobs::job).optional();
    }

    List<ImportJob> recent(long boardId, int count) {
        return jdbc.sql("select " + COLUMNS + " from import_jobs where board_id = ? order by id desc limit ?")
                .params(boardId, count).query(ImportJobs::job).list();
    }

    List<Problem> problems(long jobId, int count) {
        return jdbc.sql("select line, message from import_errors where job_id = ? order by line limit ?")
                .params(jobId, count).query((rs, n) -> new Problem(rs.getInt("line"), rs.getString("message"))).list();
    }

    /**
     * A running job's progress, its newly skipped rows and a heartbeat, in one transaction; false when the job is
     * no longer running (cancelled by its importer is still running: the worker stops at its next row).
     */
    @Transactional
    boolean progress(long jobId, int done, int created, int failed, List<Problem> newProblems, Instant now) {
        int updated = jdbc.sql("""
                update import_jobs set done = ?, created = ?, failed = ?, heartbeat_at = ?
                where id = ? and status = 'RUNNING'""")
                .params(done, created, failed, Timestamp.from(now), jobId).update();
        if (updated == 1) {
            keep(jobId, failed - newProblems.size(), newProblems);
        }
        return updated == 1;
    }

    boolean cancelRequested(long jobId) {
        return jdbc.sql("select cancel_requested from import_jobs where id = ?").param(jobId).query(Boolean.class)
                .optional().orElse(true);
    }

    /** Ends a running job; false when it had already ended (say, a sweep failed it). */
    boolean finish(long jobId, Status status, String failure, Instant now) {
        return jdbc.sql("""
                update import_jobs set status = ?, failure = ?, finished_at = ?, heartbeat_at = ?
                where id = ? and status = 'RUNNING'""")
                .params(status.name(), failure, Timestamp.from(now), Timestamp.from(now), jobId).update() == 1;
    }

    /** Asks the job to stop after the row it is on; false when it isn't running. */
    boolean requestCancel(long boardId, long jobId) {
        return jdbc.sql("update import_jobs set cancel_requested = true where id = ? and board_id = ? and status = 'RUNNING'")
                .params(jobId, boardId).update() == 1;
    }

    /** Tells the others this instance is still working on its jobs. */
    void heartbeat(String instanceId, Instant now) {
        jdbc.sql("update import_jobs set heartbeat_at = ? where instance_id = ? and status = 'RUNNING'")
                .params(Timestamp.from(now), instanceId).update();
    }

    /** Running jobs whose instance has not been heard of since {@code before}: board and job ids. */
    List<long[]> orphanedSince(Instant before) {
        return jdbc.sql("select board_id, id from import_jobs where status = 'RUNNING' and heartbeat_at < ?")
                .param(Timestamp.from(before)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    /** Fails one orphaned job, if it is still running and still unheard of. */
    boolean failOrphaned(long jobId, Instant before, String failure, Instant now) {
        return jdbc.sql("""
                update import_jobs set status = 'FAILED', failure = ?, finished_at = ?
                where id = ? and status = 'RUNNING' and heartbeat_at < ?""")
                .params(failure, Timestamp.from(now), jobId, Timestamp.from(before)).update() == 1;
    }

    /** This instance's running jobs (at shutdown). */
    List<long[]> runningOn(String instanceId) {
        return jdbc.sql("select board_id, id from import_jobs where status = 'RUNNING' and instance_id = ?")
                .param(instanceId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    private void keep(long jobId, int alreadyFailed, List<Problem> problems) {
        int room = Math.max(0, MAX_PROBLEMS_KEPT - alreadyFailed);
        for (Problem problem : problems.subList(0, Math.min(room, problems.size()))) {
            jdbc.sql("insert into import_errors (job_id, line, message) values (?, ?, ?)")
                    .params(jobId, problem.line(), problem.message().length() > 300
                            ? problem.message().substring(0, 299) + "\u2026" : problem.message())
                    .update();
        }
    }

    private static ImportJob job(ResultSet rs, int row) throws SQLException {
        return new ImportJob(rs.getLong("id"), rs.getLong("board_id"), rs.getString("started_by"),
                rs.getString("file_name"), Status.valueOf(rs.getString("status")), rs.getInt("total"),
                rs.getInt("done"), rs.getInt("created"), rs.getInt("failed"), rs.getBoolean("cancel_requested"),
                instant(rs, "started_at"), instant(rs, "heartbeat_at"), instant(rs, "finished_at"),
                rs.getString("failure"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
