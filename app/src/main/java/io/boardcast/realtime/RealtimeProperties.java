package io.boardcast.realtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param heartbeatInterval     how often an idle stream gets a comment line, so proxies and dead clients are noticed
 * @param streamTimeout         how long one stream lives before the client is asked to reconnect
 * @param queueCapacity         events buffered for one slow client before its stream is closed (it then resumes)
 * @param replayWindow          how many missed events a reconnecting client may replay; further behind, it
 *                              re-fetches the page. Below the queue capacity, so a replay fits in the queue.
 * @param recentCacheChars      rendered characters each watched board keeps for replays (besides the count bound
 *                              of the replay window), so a board of huge cards cannot hold much memory
 * @param maxStreamsPerSession  streams one browser session may hold open on an instance (one per board tab)
 * @param maxStreamsPerUser     streams one user may hold open on an instance, over all their sessions
 * @param sweepInterval         how often each instance compares its boards' sequences with the database
 * @param reconnectDelay        the retry delay sent to browsers
 * @param channel               what the Redis pub/sub channels' names start with: a board's events go on
 *                              {@code <channel>:board:<id>}, its signals on {@code <channel>:board:<id>:signals},
 *                              personal events on {@code <channel>:personal}
 * @param publishQueueCapacity  committed events waiting to be published; beyond it they are left to the sweep
 */
@ConfigurationProperties("boardcast.realtime")
public record RealtimeProperties(
        Duration heartbeatInterval,
        Duration streamTimeout,
        int queueCapacity,
        int replayWindow,
        int recentCacheChars,
        int maxStreamsPerSession,
        int maxStreamsPerUser,
        Duration sweepInterval,
        Duration reconnectDelay,
        String channel,
        int publishQueueCapacity) {

    public RealtimeProperties {
        if (replayWindow >= queueCapacity) {
            throw new IllegalArgumentException("boardcast.realtime.replay-window (" + replayWindow
                    + ") must be below queue-capacity (" + queueCapacity + "): a replay must fit in the queue");
        }
    }
}
