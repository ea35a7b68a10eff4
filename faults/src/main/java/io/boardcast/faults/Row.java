package io.boardcast.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * One fault's outcome against the targets: nothing lost, nothing twice, no 5xx, converged within 5 s, healthy
 * streams within 2× their baseline, heap flat within 10 %, no streams left open. {@code failures} says which target
 * missed and by how much; empty means the row passed.
 */
final class Row {

    final String key;
    final String fault;
    long lost;
    long twice;
    int serverErrors;
    /** Seconds from the fault's end until every viewer had everything; NaN where it does not apply. */
    double convergeSeconds = Double.NaN;
    String latency = "";
    String heap = "";
    String gauge = "";
    final List<String> failures = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Row(String key, String fault) {
        this.key = key;
        this.fault = fault;
    }

    boolean passed() {
        return failures.isEmpty();
    }

    void fail(String failure) {
        failures.add(failure);
    }

    void note(String note) {
        notes.add(note);
    }

    /** Checks the targets every row shares. */
    void checkDelivery() {
        if (lost > 0) {
            fail(lost + " events lost");
        }
        if (twice > 0) {
            fail(twice + " events applied twice");
        }
        if (serverErrors > 0) {
            fail(serverErrors + " answers 5xx");
        }
    }

    void checkConvergence(double limitSeconds) {
        if (Double.isNaN(convergeSeconds) || Double.isInfinite(convergeSeconds)) {
            fail("did not converge");
        } else if (convergeSeconds > limitSeconds) {
            fail(String.format("converged in %.1f s (target ≤ %.0f s)", convergeSeconds, limitSeconds));
        }
    }
}
