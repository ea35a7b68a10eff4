package io.boardcast.importer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param progressInterval how often a running job writes its progress and heartbeat and signals the board's pages
 *                         (at most 250 ms: the importer's bar moves at least that often)
 * @param sweepInterval    how often each instance heartbeats its own jobs and looks for others' orphaned ones
 * @param orphanedAfter    a running job whose heartbeat is older than this is marked failed (its instance stopped)
 * @param maxFileSize      larger files are refused (413)
 * @param maxRows          files with more data rows are refused (422)
 * @param concurrentJobs   jobs one instance runs at once; more wait their turn (heartbeated, shown at 0)
 */
@ConfigurationProperties("boardcast.importer")
public record ImportProperties(Duration progressInterval, Duration sweepInterval, Duration orphanedAfter,
        DataSize maxFileSize, int maxRows, int concurrentJobs) {
}
