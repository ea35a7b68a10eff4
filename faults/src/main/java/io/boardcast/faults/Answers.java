package io.boardcast.faults;

import io.boardcast.testsupport.WebSession;
import java.util.concurrent.atomic.AtomicInteger;

/** What the app answered to a phase's requests: committed writes, conflicts, other refusals, 5xx, no answer. */
final class Answers {

    final AtomicInteger committed = new AtomicInteger();
    final AtomicInteger conflicts = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final AtomicInteger noAnswer = new AtomicInteger();

    /** Tallies one write's answer; a redirect is a committed write (POST, redirect, GET). */
    void count(WebSession.Answer answer) {
        int status = answer.status();
        if (status == 302 || status == 303 || status == 200) {
            committed.incrementAndGet();
        } else if (status == 409) {
            conflicts.incrementAndGet();
        } else if (status >= 500) {
            serverErrors.incrementAndGet();
        } else {
            refused.incrementAndGet();
        }
    }

    void noAnswer() {
        noAnswer.incrementAndGet();
    }

    int serverErrors() {
        return serverErrors.get();
    }

    @Override
    public String toString() {
        return committed + " committed, " + conflicts + " conflicts, " + refused + " refused, " + serverErrors
                + " 5xx, " + noAnswer + " without answer";
    }
}
