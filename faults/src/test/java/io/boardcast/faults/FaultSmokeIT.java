package io.boardcast.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every fault row at toy size (FaultConfig.smoke: 300 slow sockets, 100 replayed events, a 20 s soak with 200
 * streams), so `./mvnw verify` notices when the app stops surviving one of them. Asserts the correctness targets row
 * by row (nothing lost, nothing twice, no server errors, no stream left open, every viewer converged);
 * target/faults-smoke/RESULTS.md says what each row saw. Speed and memory targets (healthy-stream p99 against its
 * baseline, heap growth, seconds to converge) are measured and written down there too, but judged in the full run
 * (faults/run.sh, faults/RESULTS.md), not asserted on a shared build machine.
 */
class FaultSmokeIT {

    /**
     * Rows c and d kill the store under running requests (Redis crashes; every database connection is terminated):
     * a request whose command or transaction is in flight at that instant is answered with the 503 page, and not
     * retried, since a failure at commit can't tell whether the write happened. The full run reports these counts.
     */
    private static final int IN_FLIGHT_REQUESTS_ROWS_C_D = 2;

    @Test
    void everyFaultRowMeetsItsTargets() throws Exception {
        FaultSuite.Report report = FaultSuite.run(FaultConfig.smoke());

        assertThat(Files.readString(report.markdown())).contains("| row | fault |");
        assertThat(report.rows()).extracting(row -> row.key).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i");
        assertThat(report.corpusSize()).isGreaterThanOrEqualTo(150);
        SoftAssertions rows = new SoftAssertions();
        for (Row row : report.rows()) {
            rows.assertThat(row.failures.stream().filter(failure -> isCorrectness(row, failure)))
                    .as("row %s, %s (see %s)", row.key, row.fault, report.markdown()).isEmpty();
        }
        rows.assertAll();
    }

    private static boolean isCorrectness(Row row, String failure) {
        if (failure.contains("(target ≤")) {
            return false;
        }
        boolean storeKilled = "c".equals(row.key) || "d".equals(row.key);
        return !(storeKilled && failure.endsWith("answers 5xx") && row.serverErrors <= IN_FLIGHT_REQUESTS_ROWS_C_D);
    }
}
