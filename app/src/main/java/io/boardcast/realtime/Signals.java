package io.boardcast.realtime;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Something a board's open pages should see now but nobody needs to replay: who is looking at the board, how far an
 * import got. Unlike a {@link BoardChange} it is not logged and has no place in the board's sequence; the bus carries
 * it to every instance watching the board at most once. So a signal must carry (or its renderer read) the whole state
 * it shows, never a difference: the next one makes good a lost one. Sent after the current transaction commits, if there is one. It
 * reaches the board's pages, that is the streams that name their page ({@code page=…}, as the page's script does);
 * a stream that names none (a script's, a test's) gets none.
 */
@Component
public class Signals {

    private final EventBus bus;
    private final Clock clock;

    Signals(EventBus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
    }

    /** Sends the signal of this kind (the renderer's) about the board, with a payload its renderer reads. */
    public void send(long boardId, String kind, String payload) {
        Runnable publish = () -> bus.publish(new SignalEvent(boardId, kind, payload, clock.millis()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish.run();
                }
            });
        } else {
            publish.run();
        }
    }
}
