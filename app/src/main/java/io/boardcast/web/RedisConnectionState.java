package io.boardcast.web;

import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.event.connection.ConnectionDeactivatedEvent;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Whether this instance's Redis connections are up, from Lettuce's own connection events. A request that arrives
 * while they are down waits a moment for Lettuce to reconnect (a Redis restart takes about a second, and commands
 * issued meanwhile are buffered until it is back), so a restart is ridden out; a request that finds Redis still
 * away after that is answered with the 503 page at once, instead of waiting out the command timeout.
 */
@Component
@Profile("redis")
class RedisConnectionState {

    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean everConnected;

    RedisConnectionState(ClientResources resources) {
        resources.eventBus().get().subscribe(event -> {
            if (event instanceof ConnectionActivatedEvent) {
                everConnected = true;
                active.incrementAndGet();
            } else if (event instanceof ConnectionDeactivatedEvent) {
                active.updateAndGet(count -> Math.max(0, count - 1));
            }
        });
    }

    /**
     * True when the connections are up (or were never opened yet: they open on first use); otherwise waits up to
     * {@code grace} for Lettuce to reconnect and says whether it did.
     */
    boolean awaitUp(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (everConnected && active.get() == 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
