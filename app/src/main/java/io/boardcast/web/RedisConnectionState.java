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
 * while they are down waits a moment for Lettuce to reconnect (a Redis restart takes about a second), so a restart
 * is ridden out; an outage longer than that is answered with the 503 page.
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

    /** Up, or never tried yet (connections open on first use); else waits up to {@code grace} for a reconnect. */
    void awaitUp(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (everConnected && active.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
