package io.boardcast.realtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param heartbeatInterval how often an idle stream gets a comment line, so proxies and dead clients are noticed
 * @param streamTimeout     how long one stream lives before the client is asked to reconnect
 * @param queueCapacity     events buffered for one slow client before its stream is closed (it then resumes)
 * @param replayWindow      how many missed events a reconnecting client may replay; further behind, it re-fetches
 * @param sweepInterval     how often each instance compares its boards' sequences with the database
 * @param reconnectDelay    the retry delay sent to browsers
 * @param channel           the Redis pub/sub channel
 */
@ConfigurationProperties("boardcast.realtime")
public record RealtimeProperties(
        Duration heartbeatInterval,
        Duration streamTimeout,
        int queueCapacity,
        int replayWindow,
        Duration sweepInterval,
        Duration reconnectDelay,
        String channel) {
}
