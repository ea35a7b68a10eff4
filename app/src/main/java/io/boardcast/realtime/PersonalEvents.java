package io.boardcast.realtime;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands a {@link PersonalChange} to the bus only after the transaction that published it commits (one published
 * outside a transaction goes nowhere): a toast never shows a notification that isn't there.
 */
@Component
class PersonalEvents {

    private final EventBus bus;
    private final Clock clock;

    PersonalEvents(EventBus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void publish(PersonalChange change) {
        bus.publish(new PersonalEvent(change.username(), change.notificationId(), clock.millis()));
    }
}
