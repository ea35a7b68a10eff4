package io.boardcast.importer;

import java.time.Duration;
import java.time.Instant;

/** One import as the database has it now; what its pages and pushed fragments show. */
record ImportJob(long id, long boardId, String startedBy, String fileName, Status status, int total, int done,
        int created, int failed, boolean cancelRequested, Instant startedAt, Instant heartbeatAt, Instant finishedAt,
        String failure) {

    enum Status {
        RUNNING, DONE, FAILED, CANCELLED;

        /** In words, for the page. */
        public String said() {
            return switch (this) {
                case RUNNING -> "Importing";
                case DONE -> "Done";
                case FAILED -> "Failed";
                case CANCELLED -> "Cancelled";
            };
        }
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    public int percent() {
        return total == 0 ? 100 : (int) (100L * done / total);
    }

    /** Rows handled per second, from the start to the last heartbeat (or the end). */
    public long rate() {
        Instant until = finishedAt != null ? finishedAt : heartbeatAt;
        long millis = Math.max(1, Duration.between(startedAt, until).toMillis());
        return Math.round(done * 1000.0 / millis);
    }

    /** How long it has run (to the end, or to the last heartbeat), in seconds with a tenth. */
    public String seconds() {
        Instant until = finishedAt != null ? finishedAt : heartbeatAt;
        return String.format(java.util.Locale.ENGLISH, "%.1f", Duration.between(startedAt, until).toMillis() / 1000.0);
    }

    /** A skipped row. */
    record Problem(int line, String message) {
    }
}
