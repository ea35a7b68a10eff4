package io.boardcast.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.boardcast.support.Fixtures.Team;
import io.boardcast.support.Fixtures;
import io.boardcast.support.Instance;
import io.boardcast.testsupport.WebSession.Answer;
import io.boardcast.testsupport.WebSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A double click, or two people at once: the same write with the same version, in parallel, through two instances.
 * Exactly one wins; every other answer is a conflict with the fresh state, never a server error.
 */
class ConcurrentWritesIT {

    private static final int PARALLEL = 6;
    private static Instance one;
    private static Instance two;

    private Team team;
    private List<WebSession> editors;

    @BeforeAll
    static void startInstances() {
        one = Instance.start("postgres,redis");
        two = Instance.start("postgres,redis");
    }

    @AfterAll
    static void stopInstances() {
        Instance.closeAll(one, two);
    }

    @BeforeEach
    void editorsOnBothInstances() {
        team = one.fixtures().team();
        // One session each, alternating instances, as a load balancer without affinity would spread them.
        editors = IntStream.range(0, PARALLEL)
                .mapToObj(i -> WebSession.newBrowser(i % 2 == 0 ? one.baseUrl() : two.baseUrl())
                        .signIn(i == 0 ? team.editor() : team.owner(), Fixtures.PASSWORD))
                .toList();
    }

    @Test
    void parallelMovesWithTheSameVersionGiveOneWinnerAndConflicts() {
        List<Integer> plain = statuses(team.taskPath() + "/move",
                Map.of("columnId", team.columns().get(1).toString(), "version", "0"), false);

        assertThat(plain).filteredOn(status -> status == 302).hasSize(1);
        assertThat(plain).filteredOn(status -> status == 409).hasSize(PARALLEL - 1);
    }

    @Test
    void parallelHtmxMovesWithTheSameVersionGiveOneWinnerAndConflicts() {
        List<Integer> htmx = statuses(team.taskPath() + "/move",
                Map.of("columnId", team.columns().get(2).toString(), "version", "0"), true);

        assertThat(htmx).filteredOn(status -> status == 200).hasSize(1);
        assertThat(htmx).filteredOn(status -> status == 409).hasSize(PARALLEL - 1);
    }

    @Test
    void parallelEditsWithTheSameVersionGiveOneWinnerAndConflicts() {
        List<Integer> plain = statuses(team.taskPath(), Map.of("title", "Edited at once", "version", "0"), false);

        assertThat(plain).filteredOn(status -> status == 302).hasSize(1);
        assertThat(plain).filteredOn(status -> status == 409).hasSize(PARALLEL - 1);
        assertThat(editors.get(0).get(team.taskPath()).body()).contains("Edited at once");
    }

    @Test
    void parallelDeletesRemoveTheTaskOnceAndAnswerTheRestWithoutServerErrors() {
        List<Integer> plain = statuses(team.taskPath() + "/delete", Map.of("version", "0"), false);

        assertThat(plain).filteredOn(status -> status == 302).hasSize(1);
        assertThat(plain).allMatch(status -> status == 302 || status == 404 || status == 409, "302, 404 or 409");
        assertThat(editors.get(0).get(team.taskPath()).status()).isEqualTo(404);
    }

    @Test
    void aDeleteOfATaskSomeoneChangedMeanwhileIsAConflict() {
        assertThat(editors.get(0).post(team.taskPath(), Map.of("title", "Changed first", "version", "0")).status())
                .isEqualTo(302);

        Answer stale = editors.get(1).post(team.taskPath() + "/delete", Map.of("version", "0"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Changed first");
        assertThat(editors.get(0).get(team.taskPath()).status()).isEqualTo(200);
    }

    @Test
    void parallelCommentsAreAllKeptAndCounted() {
        List<Integer> plain = statuses(team.taskPath() + "/comments", Map.of("body", "Said at once"), false);

        assertThat(plain).containsOnly(302);
        assertThat(editors.get(0).get(team.taskPath()).body().split("Said at once", -1)).hasSize(PARALLEL + 1);
    }

    /** Posts the form from every editor at the same moment (tokens fetched beforehand) and collects the statuses. */
    private List<Integer> statuses(String path, Map<String, String> form, boolean htmx) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (WebSession editor : editors) {
                Map<String, String> withToken = new HashMap<>(form);
                withToken.put("_csrf", editor.csrfToken());
                answers.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return editor.postRaw(path, withToken, htmx).status();
                }, pool));
            }
            start.countDown();
            return answers.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
