package io.boardcast.importer;

import io.boardcast.realtime.PushedFragments;
import io.boardcast.realtime.SignalRenderer;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * How an import's progress looks on the board's pages, read whole from the job's row at each signal (a lost signal
 * is made good by the next): the job page's bar and skipped rows, its line on the import page, the board page's
 * "alice is importing" note, and, at each quarter and at the end, what screen readers hear. Each page has the
 * targets of its own; the others are dropped.
 */
@Component
class ImportProgress implements SignalRenderer {

    static final int PROBLEMS_SHOWN = 100;
    private static final String TEMPLATE = "importer/fragments";

    private final ImportJobs jobs;

    ImportProgress(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(Importer.PROGRESS);
    }

    /** The payload: the job's id, then {@code milestone} or {@code end} when screen readers should hear it. */
    @Override
    public void render(long boardId, String kind, String payload, PushedFragments fragments) {
        String[] parts = payload.split(" ", 2);
        long jobId;
        try {
            jobId = Long.parseLong(parts[0]);
        } catch (NumberFormatException notOurs) {
            return;
        }
        jobs.find(boardId, jobId).ifPresent(job -> {
            Map<String, Object> model = Map.of("job", job);
            fragments.add(TEMPLATE, "progress", model);
            fragments.add(TEMPLATE, "line", model);
            fragments.add(TEMPLATE, "board-status", model);
            if (job.failed() > 0) {
                fragments.add(TEMPLATE, "problems", Map.of("job", job, "problems", jobs.problems(jobId, PROBLEMS_SHOWN)));
            }
            if (parts.length > 1 || !job.running()) {
                fragments.add(TEMPLATE, "said", model);
            }
        });
    }
}
