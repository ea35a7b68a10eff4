package io.boardcast.realtime;

import io.boardcast.realtime.EventLog.EventLogged;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Hands a logged event to the bus once its transaction has committed, never before: viewers only see the truth. */
@Component
class AfterCommitPublisher {

    private final EventBus bus;
    private final RealtimeMetrics metrics;
    private final Clock clock;

    AfterCommitPublisher(EventBus bus, RealtimeMetrics metrics, Clock clock) {
        this.bus = bus;
        this.metrics = metrics;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void publish(EventLogged logged) {
        metrics.published();
        bus.publish(logged.event().publishedAt(clock.millis()));
    }
}
