package io.boardcast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The harness end to end at toy size (10 viewers over two instances, 5 moves, no Nchan, no polling, no capacity),
 * so `./mvnw verify` notices when it breaks. Checks delivery and output, never timings.
 */
class BenchSmokeIT {

    @Test
    void everyViewerGetsEveryMoveAndTheResultsHaveATable() throws Exception {
        System.setProperty("bench.label", "smoke");
        System.setProperty("bench.out", "target/bench-smoke");
        // More viewers than two sessions may hold streams by default (16 each): the bench lifts the caps.
        System.setProperty("bench.viewers", "40");
        System.setProperty("bench.warmup", "4");
        System.setProperty("bench.warmup.moves", "5");
        System.setProperty("bench.moves", "5");
        System.setProperty("bench.movesPerSecond", "5");
        System.setProperty("bench.accounts", "2");
        System.setProperty("bench.tasks", "2");
        System.setProperty("bench.nchan", "false");
        System.setProperty("bench.polling.viewers", "0");
        System.setProperty("bench.capacity.steps", "");

        BenchMain.Report report = BenchMain.run(BenchConfig.fromSystemProperties());

        assertThat(report.latency()).singleElement().satisfies(run -> {
            assertThat(run.connected()).isEqualTo(40);
            assertThat(run.edits()).isEqualTo(5);
            assertThat(run.postErrors()).isZero();
            assertThat(run.missing()).isZero();
            assertThat(run.latency().count()).isEqualTo(200);
        });
        assertThat(Files.readString(report.markdown())).contains("| boardcast | 40 | 40 | 5 |");
        assertThat(Path.of("target/bench-smoke/smoke-latency.tsv")).exists();
    }
}
