package io.boardcast.importer;

import io.boardcast.board.BoardAccess;
import io.boardcast.board.BoardColumn;
import io.boardcast.board.BoardService;
import io.boardcast.board.Label;
import io.boardcast.board.Labels;
import io.boardcast.board.Membership;
import io.boardcast.importer.ImportJob.Problem;
import io.boardcast.importer.ImportJob.Status;
import io.boardcast.realtime.Signals;
import io.boardcast.task.TaskForm;
import io.boardcast.task.TaskService;
import io.boardcast.web.NotFoundException;
import io.boardcast.web.ReadOnlyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports. {@link #start} reads the whole file (refusing one that is not an import file), records the job as
 * running and hands it to a worker, which creates each good row through {@link TaskService#create} in its own
 * transaction, as the importer (their security context: the activity says who), and notes each bad row by line.
 * Every {@code progress-interval} a ticker writes the counts, the new bad rows and a heartbeat to the job's row, reads
 * its cancel flag (set from any instance) and signals the board's pages. Every {@code sweep-interval} each instance
 * heartbeats its own jobs and fails others' whose heartbeat is older than {@code orphaned-after}.
 */
@Service
class Importer implements SchedulingConfigurer {

    static final String PROGRESS = "IMPORT_PROGRESS";
    static final String ORPHANED = "The instance running it stopped.";

    private static final Logger log = LoggerFactory.getLogger(Importer.class);

    private final ImportJobs jobs;
    private final TaskService tasks;
    private final BoardAccess access;
    private final BoardService boards;
    private final Labels labels;
    private final Signals signals;
    private final Validator validator;
    private final TransactionTemplate readOnly;
    private final ImportProperties properties;
    private final Clock clock;
    private final String instanceId = UUID.randomUUID().toString();
    private final ExecutorService workers;
    private final ScheduledExecutorService ticker;
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();

    Importer(ImportJobs jobs, TaskService tasks, BoardAccess access, BoardService boards, Labels labels,
            Signals signals, Validator validator, PlatformTransactionManager transactions, ImportProperties properties,
            Clock clock) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.access = access;
        this.boards = boards;
        this.labels = labels;
        this.signals = signals;
        this.validator = validator;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.properties = properties;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(properties.concurrentJobs(), named("import-worker"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(named("import-progress"));
    }

    /**
     * Starts importing the file into the board as the editor; the job's id. Refuses a file that is not an import file
     * ({@link CsvFile.Unreadable}) before any job exists.
     */
    long start(long boardId, String username, String fileName, byte[] bytes, String zone) throws CsvFile.Unreadable {
        access.edit(boardId, username);
        List<CsvFile.Row> rows = CsvFile.read(bytes, properties.maxRows());
        BoardTerms terms = terms(boardId, zone);
        long jobId = jobs.start(boardId, username, fileName, rows.size(), instanceId, clock.instant());
        Run run = new Run(jobId, boardId, rows.size());
        runs.put(jobId, run);
        run.tick = ticker.scheduleAtFixedRate(() -> tick(run), properties.progressInterval().toMillis(),
                properties.progressInterval().toMillis(), TimeUnit.MILLISECONDS);
        workers.execute(new DelegatingSecurityContextRunnable(() -> work(run, username, rows, terms),
                SecurityContextHolder.getContext()));
        signals.send(boardId, PROGRESS, Long.toString(jobId));
        return jobId;
    }

    /** Asks the job to stop after its current row (from any instance); false when it had already ended. */
    boolean cancel(long boardId, long jobId, String username) {
        access.edit(boardId, username);
        boolean asked = jobs.requestCancel(boardId, jobId);
        Run here = runs.get(jobId);
        if (asked && here != null) {
            here.stop = true;
        }
        return asked;
    }

    private BoardTerms terms(long boardId, String zone) {
        return readOnly.execute(status -> {
            Map<String, Long> columns = new HashMap<>();
            boards.find(boardId).orElseThrow(NotFoundException::new).getColumns().stream()
                    .sorted(Comparator.comparingInt(BoardColumn::getPosition).reversed())
                    .forEach(column -> columns.put(BoardTerms.key(column.getName()), column.getId()));
            Map<String, Long> byName = new HashMap<>();
            for (Label label : labels.of(boardId)) {
                byName.putIfAbsent(BoardTerms.key(label.getName()), label.getId());
            }
            Map<String, String> members = new HashMap<>();
            for (Membership member : boards.members(boardId)) {
                String username = member.getAccount().getUsername();
                members.put(BoardTerms.key(username), username);
            }
            return new BoardTerms(columns, byName, members, zone == null || zone.isBlank() ? "UTC" : zone);
        });
    }

    private void work(Run run, String username, List<CsvFile.Row> rows, BoardTerms terms) {
        String failure = null;
        try {
            for (CsvFile.Row row : rows) {
                if (run.stop) {
                    break;
                }
                try {
                    TaskForm form = terms.form(row);
                    Set<ConstraintViolation<TaskForm>> violations = validator.validate(form);
                    if (!violations.isEmpty()) {
                        run.skipped(row.line(), violations.stream().map(ConstraintViolation::getMessage).sorted()
                                .reduce((a, b) -> a + " " + b).orElseThrow());
                        continue;
                    }
                    tasks.create(run.boardId, username, form);
                    run.created();
                } catch (BoardTerms.Refused refused) {
                    run.skipped(row.line(), refused.getMessage());
                } catch (NotFoundException | ReadOnlyException noLongerAnEditor) {
                    failure = "The importer may no longer edit this board.";
                    break;
                } catch (RuntimeException unexpected) {
                    log.warn("Import {}: line {} could not be saved: {}", run.jobId, row.line(), unexpected.toString());
                    run.skipped(row.line(), "This row could not be saved (" + unexpected.getClass().getSimpleName() + ").");
                }
            }
        } finally {
            end(run, failure);
        }
    }

    /** The job's last progress and its end, unless it ended elsewhere meanwhile (a sweep, a shutdown). */
    private void end(Run run, String failure) {
        if (failure == null) {
            failure = run.failure;
        }
        run.tick.cancel(false);
        synchronized (run) {
            try {
                flush(run);
                boolean cancelled = run.stop && failure == null && run.done() < run.total;
                Status status = failure != null ? Status.FAILED : cancelled ? Status.CANCELLED : Status.DONE;
                jobs.finish(run.jobId, status, failure, clock.instant());
            } catch (DataAccessException databaseAway) {
                log.warn("Import {} could not record its end ({}); the sweep will fail it", run.jobId,
                        databaseAway.getMostSpecificCause().toString());
            } finally {
                runs.remove(run.jobId);
            }
        }
        signals.send(run.boardId, PROGRESS, run.jobId + " end");
    }

    /** Every progress interval while the job runs here: write, learn of a cancel, tell the pages. */
    private void tick(Run run) {
        synchronized (run) {
            if (!runs.containsKey(run.jobId)) {
                return;
            }
            try {
                if (!flush(run) || jobs.cancelRequested(run.jobId)) {
                    run.stop = true;
                }
            } catch (RuntimeException databaseAway) {
                log.warn("Import {}: progress not recorded ({})", run.jobId, databaseAway.toString());
                return;
            }
        }
        int quarter = run.done() * 4 / Math.max(1, run.total);
        String payload = Long.toString(run.jobId);
        if (quarter > run.quartersSaid && quarter < 4) {
            run.quartersSaid = quarter;
            payload += " milestone";
        }
        signals.send(run.boardId, PROGRESS, payload);
    }

    private boolean flush(Run run) {
        List<Problem> fresh = new ArrayList<>();
        for (Problem p = run.problems.poll(); p != null; p = run.problems.poll()) {
            fresh.add(p);
        }
        int created = run.created;
        int failed = run.failed;
        return jobs.progress(run.jobId, created + failed, created, failed, fresh, clock.instant());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, properties.sweepInterval());
    }

    /** Heartbeats this instance's jobs, then fails any running job nobody has heartbeated lately; how many it failed. */
    int sweep() {
        int failed = 0;
        try {
            jobs.heartbeat(instanceId, clock.instant());
            var before = clock.instant().minus(properties.orphanedAfter());
            for (long[] job : jobs.orphanedSince(before)) {
                if (jobs.failOrphaned(job[1], before, ORPHANED, clock.instant())) {
                    log.warn("Import {} on board {} was running on an instance that stopped: marked failed", job[1], job[0]);
                    signals.send(job[0], PROGRESS, job[1] + " end");
                    failed++;
                }
            }
        } catch (DataAccessException databaseAway) {
            log.warn("Import sweep stopped: {}", databaseAway.getMostSpecificCause().toString());
        }
        return failed;
    }

    /**
     * A stopping instance fails its own jobs at once rather than leave them to the others' sweep. On the context's
     * closing, before any bean stops, so the Redis connection is still there for the signal that tells their pages.
     */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        runs.values().forEach(run -> {
            run.failure = ORPHANED;
            run.stop = true;
        });
        ticker.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            for (long[] job : jobs.runningOn(instanceId)) {
                if (jobs.finish(job[1], Status.FAILED, ORPHANED, clock.instant())) {
                    signals.send(job[0], PROGRESS, job[1] + " end");
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException databaseAway) {
            log.warn("Could not fail this instance's imports at shutdown ({}); the others' sweep will", databaseAway.toString());
        }
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A job running on this instance: its counters (the worker's) and the stop flag (anyone's). */
    private static final class Run {
        final long jobId;
        final long boardId;
        final int total;
        final ConcurrentLinkedQueue<Problem> problems = new ConcurrentLinkedQueue<>();
        volatile int created;
        volatile int failed;
        volatile boolean stop;
        /** Why it must stop other than a cancel (this instance is stopping), or null. */
        volatile String failure;
        volatile ScheduledFuture<?> tick;
        int quartersSaid;

        Run(long jobId, long boardId, int total) {
            this.jobId = jobId;
            this.boardId = boardId;
            this.total = total;
        }

        int done() {
            return created + failed;
        }

        void created() {
            created++;
        }

        void skipped(int line, String message) {
            problems.add(new Problem(line, message));
            failed++;
        }
    }
}
