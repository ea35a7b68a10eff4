package io.boardcast.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The message instances exchange: what one encodes, every other decodes to the same event; nothing else passes. */
class BoardEventTest {

    @Test
    void anEventSurvivesTheWireWithEveryField() {
        BoardEvent moved = new BoardEvent(7, 42, "TASK_MOVED", 3, 11L, 5, 4L, "carol", "bob", "Ship | beta |",
                1_700_000_000_123L);

        assertThat(BoardEvent.decode(moved.encode())).isEqualTo(moved);
    }

    @Test
    void anEventOfTheFormerWireFormIsStillReadWithoutActorAndTitle() {
        assertThat(BoardEvent.decode("2|7|42|TASK_MOVED|3|11|5|4|null|99"))
                .isEqualTo(new BoardEvent(7, 42, "TASK_MOVED", 3, 11L, 5, 4L, null, null, null, 99));
    }

    @Test
    void anEmptyTitleIsNotAMissingOne() {
        BoardEvent untitled = new BoardEvent(7, 1, "TASK_EDITED", 3, null, 5, null, null, null, "", 0);
        BoardEvent noTask = new BoardEvent(7, 2, "BOARD_RENAMED", 0, null, 0, null, null, "alice", null, 0);

        assertThat(BoardEvent.decode(untitled.encode())).isEqualTo(untitled);
        assertThat(BoardEvent.decode(noTask.encode())).isEqualTo(noTask);
    }

    @Test
    void anEventSurvivesTheWireWithItsOptionalFieldsAbsent() {
        BoardEvent edited = new BoardEvent(7, 1, "TASK_EDITED", 3, null, 5, null, null, 0);

        assertThat(BoardEvent.decode(edited.encode())).isEqualTo(edited);
    }

    @Test
    void anEventFromTheLogCarriesTheChangeAndItsSequence() {
        BoardChange removal = new BoardChange() {
            @Override
            public long boardId() {
                return 7;
            }

            @Override
            public String kind() {
                return "MEMBER_REMOVED";
            }

            @Override
            public String endsStreamsOf() {
                return "carol";
            }
        };

        BoardEvent event = BoardEvent.of(removal, 9, "alice", null).publishedAt(123);

        assertThat(event).isEqualTo(new BoardEvent(7, 9, "MEMBER_REMOVED", 0, null, 0, null, "carol", "alice", null, 123));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "hello",
            "1|7|42|TASK_MOVED|3|11|5|4|carol|0",
            "2|7|42|TASK_MOVED|3|11|5|4|carol",
            "2|7|42|TASK_MOVED|3|11|5|4|carol|0|extra",
            "2|seven|42|TASK_MOVED|3|11|5|4|carol|0",
            "2|7|42|TASK_MOVED|3|eleven|5|4|carol|0",
            "2|7|42|TASK_MOVED|3|11|5|4|carol|",
            "2|7|42|task_moved|3|11|5|4|carol|0",
            "2|7|42||3|11|5|4|carol|0",
            "3|7|42|TASK_MOVED|3|11|5|4|carol|0|bob",
            "4|7|42|TASK_MOVED|3|11|5|4|carol|0|bob|Title"})
    void aMalformedMessageIsRejected(String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> BoardEvent.decode(message))
                .withMessageStartingWith("Not a board event");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"task_moved", "1TASK", "_TASK", "TASK MOVED", "TASK-MOVED", "TASK|MOVED",
            "A_KIND_NAME_LONGER_THAN_30_CHAR"})
    void aKindThatIsNotUpperCaseLettersDigitsAndUnderscoresIsRejected(String kind) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BoardEvent(7, 1, kind, 0, null, 0, null, null, 0))
                .withMessageStartingWith("Not a kind of change");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "TASK_MOVED", "V2_COMMENT_ADDED", "A_KIND_NAME_OF_EXACTLY_30_CHAR"})
    void aKindOfUpperCaseLettersDigitsAndUnderscoresIsAccepted(String kind) {
        BoardEvent event = new BoardEvent(7, 1, kind, 0, null, 0, null, null, 0);

        assertThat(BoardEvent.decode(event.encode()).kind()).isEqualTo(kind);
    }
}
