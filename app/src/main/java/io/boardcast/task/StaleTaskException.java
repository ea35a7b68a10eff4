package io.boardcast.task;

/** The form was filled in against an older version of the task than the one stored. */
class StaleTaskException extends RuntimeException {

    private final long taskId;

    StaleTaskException(long taskId) {
        super(null, null, false, false);
        this.taskId = taskId;
    }

    public long taskId() {
        return taskId;
    }
}
