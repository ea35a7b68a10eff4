package io.boardcast.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Ending the processes the kit starts: a crash (SIGKILL) or a graceful stop (SIGTERM) with a deadline. */
final class Processes {

    private Processes() {
    }

    /** SIGKILL, then waits up to {@code timeout} for the exit. */
    static void kill(Process process, Duration timeout) {
        process.destroyForcibly();
        waitFor(process, timeout);
    }

    /** SIGTERM, then SIGKILL if the process takes longer than {@code grace} to exit. */
    static void stop(Process process, Duration grace) {
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor(process, grace)) {
                kill(process, Duration.ofSeconds(10));
            }
        }
    }

    /** Whether the process exited within {@code timeout}. */
    static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
