package io.boardcast.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every fault row at toy size (FaultConfig.smoke: 300 slow sockets, 300 replayed events, a 20 s soak with 200
 * streams), so `./mvnw verify` notices when the app stops surviving one of them. Asserts the targets row by row;
 * target/faults-smoke/RESULTS.md says what each row saw.
 */
class FaultSmokeIT {

    @Test
    void everyFaultRowMeetsItsTargets() throws Exception {
        FaultSuite.Report report = FaultSuite.run(FaultConfig.smoke());

        assertThat(Files.readString(report.markdown())).contains("| row | fault |");
        assertThat(report.rows()).extracting(row -> row.key).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i");
        assertThat(report.corpusSize()).isGreaterThanOrEqualTo(150);
        SoftAssertions rows = new SoftAssertions();
        for (Row row : report.rows()) {
            rows.assertThat(row.failures).as("row %s, %s (see %s)", row.key, row.fault, report.markdown()).isEmpty();
        }
        rows.assertAll();
    }
}
