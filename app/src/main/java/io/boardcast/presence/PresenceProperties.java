package io.boardcast.presence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param ttl             how long an entry lives unless the instance holding its stream refreshes it: the longest an
 *                        instance that vanished (killed, cut off) goes on showing its viewers as present
 * @param refreshInterval how often each instance refreshes its own streams' entries (one call for all of them) and
 *                        checks the boards it shows for entries that expired meanwhile; well below {@code ttl}
 * @param keyPrefix       the Redis keys' prefix ({@code <prefix>:<boardId>} and {@code <prefix>:<boardId>:viewers})
 */
@ConfigurationProperties("boardcast.presence")
public record PresenceProperties(Duration ttl, Duration refreshInterval, String keyPrefix) {

    public PresenceProperties {
        ttl = ttl == null ? Duration.ofSeconds(30) : ttl;
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(10) : refreshInterval;
        keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? "boardcast:presence" : keyPrefix;
        if (refreshInterval.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("boardcast.presence.refresh-interval (" + refreshInterval
                    + ") must be below ttl (" + ttl + "): entries of open streams would expire");
        }
    }
}
