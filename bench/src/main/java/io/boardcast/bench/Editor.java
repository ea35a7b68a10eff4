package io.boardcast.bench;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes at a steady rate, one change at a time (the next move needs the version the last one produced), and
 * remembers when the change for each sequence was sent: latency is measured from there.
 */
final class Editor {

    private final Publisher publisher;
    private final Map<Long, Long> sentAt = new HashMap<>();
    private final List<Long> postMicros = new ArrayList<>();
    int rejected;
    int timeouts;
    int failures;

    Editor(Publisher publisher) {
        this.publisher = publisher;
    }

    /** Sends {@code count} changes at {@code perSecond}, expecting sequences from {@code nextSeq} on. Returns the last. */
    long run(int count, double perSecond, long nextSeq) throws InterruptedException {
        long interval = (long) (1_000_000_000L / perSecond);
        long start = System.nanoTime();
        long seq = nextSeq;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long sent = System.nanoTime();
            try {
                boolean ok = publisher.publish(seq);
                postMicros.add((System.nanoTime() - sent) / 1000);
                if (ok) {
                    sentAt.put(seq, sent);
                    seq++;
                } else {
                    rejected++;
                }
            } catch (HttpTimeoutException timeout) {
                timeouts++;
            } catch (IOException failed) {
                failures++;
            }
        }
        return seq - 1;
    }

    /** Sequence → System.nanoTime when its change was sent. */
    Map<Long, Long> sentAt() {
        return sentAt;
    }

    long[] postMicros() {
        return postMicros.stream().mapToLong(Long::longValue).toArray();
    }

    int errors() {
        return rejected + timeouts + failures;
    }
}
