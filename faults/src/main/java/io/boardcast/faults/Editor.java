package io.boardcast.faults;

import io.boardcast.testsupport.WebSession;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A person editing one task through real form posts with CSRF: move it to the other column, edit its title, comment
 * on it, round and round, each request through the next instance (a load balancer without affinity). Keeps the task's
 * version as the page would: one more after each committed write, re-read from the page after a conflict or an error.
 */
final class Editor implements Runnable {

    private final Stage stage;
    private final Stage.Board board;
    private final long taskId;
    private final double perSecond;
    private final int maxWrites;
    private final String comment;
    private final boolean commentsOnly;
    final Answers answers = new Answers();
    private final AtomicBoolean stop = new AtomicBoolean();
    private long version;
    private long column;
    private int writes;
    private Thread thread;

    Editor(Stage stage, Stage.Board board, long taskId, double perSecond, int maxWrites, String comment) {
        this(stage, board, taskId, perSecond, maxWrites, comment, false);
    }

    /** With {@code commentsOnly}, only comments (for a board flooded with large ones). */
    Editor(Stage stage, Stage.Board board, long taskId, double perSecond, int maxWrites, String comment,
            boolean commentsOnly) {
        this.commentsOnly = commentsOnly;
        this.stage = stage;
        this.board = board;
        this.taskId = taskId;
        this.perSecond = perSecond;
        this.maxWrites = maxWrites;
        this.comment = comment;
    }

    Editor start() {
        refresh();
        thread = new Thread(this, "editor-" + taskId);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Stops after the write in flight; waits for it (a paused Redis can hold one for a while). */
    void stop() throws InterruptedException {
        stop.set(true);
        thread.join(120_000);
    }

    @Override
    public void run() {
        long interval = (long) (1_000_000_000L / perSecond);
        long start = System.nanoTime();
        while (!stop.get() && writes < maxWrites) {
            long wait = start + writes * interval - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
            write(commentsOnly ? 2 : writes % 3, instance());
            writes++;
        }
    }

    /** The next instance in turn that is up, as a balancer that has noticed a dead one would pick. */
    private int instance() {
        for (int i = 0; i < stage.apps.size(); i++) {
            int candidate = (writes + i) % stage.apps.size();
            if (stage.apps.get(candidate).isAlive()) {
                return candidate;
            }
        }
        return writes % stage.apps.size();
    }

    int writes() {
        return writes;
    }

    private void write(int kind, int instance) {
        String base = "/boards/" + board.id() + "/tasks/" + taskId;
        Map<String, String> fields = new LinkedHashMap<>();
        String path;
        long target = column == board.todo() ? board.doing() : board.todo();
        switch (kind) {
            case 0 -> {
                path = base + "/move";
                fields.put("columnId", Long.toString(target));
                fields.put("version", Long.toString(version));
            }
            case 1 -> {
                path = base;
                fields.put("title", "Task " + taskId + " edit " + writes);
                fields.put("description", "Edited " + writes + " times");
                fields.put("assignee", "");
                fields.put("dueAt", "");
                fields.put("zone", "UTC");
                fields.put("version", Long.toString(version));
            }
            default -> {
                path = base + "/comments";
                fields.put("body", comment + " #" + writes);
            }
        }
        try {
            WebSession.Answer answer = stage.post(instance, path, fields);
            answers.count(answer);
            if (answer.redirected()) {
                version++;
                if (kind == 0) {
                    column = target;
                }
            } else {
                refresh();
            }
        } catch (UncheckedIOException | IllegalStateException noAnswer) {
            answers.noAnswer();
            refresh();
        }
    }

    /**
     * Re-reads the task's column and version, as a user reloading the page would; from the database, which is what
     * the page shows and stays readable while an instance is down.
     */
    private void refresh() {
        try {
            version = stage.db.queryLong("select version from tasks where id = ?", taskId);
            column = stage.db.queryLong("select column_id from tasks where id = ?", taskId);
        } catch (RuntimeException unavailable) {
            // the next write conflicts and refreshes again
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
