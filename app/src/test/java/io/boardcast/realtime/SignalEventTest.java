package io.boardcast.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A signal survives the wire whatever its payload holds; nothing else passes for one. */
class SignalEventTest {

    @Test
    void aSignalSurvivesTheWireWithAPayloadThatHasSeparatorsInIt() {
        SignalEvent presence = new SignalEvent(7, "PRESENCE", "alice|bob||", 1_700_000_000_123L);

        assertThat(SignalEvent.decode(presence.encode())).isEqualTo(presence);
    }

    @Test
    void aMissingPayloadIsAnEmptyOne() {
        assertThat(SignalEvent.decode(new SignalEvent(7, "IMPORT_PROGRESS", null, 0).encode()).payload()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s1", "s1|7|0|PRESENCE", "s2|7|0|PRESENCE|x", "s1|seven|0|PRESENCE|x",
            "s1|7|0|presence|x", "2|7|42|TASK_MOVED|3|11|5|4|carol|0"})
    void aMalformedMessageIsRejected(String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> SignalEvent.decode(message))
                .withMessageStartingWith("Not a signal");
    }
}
