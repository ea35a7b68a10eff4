package io.boardcast.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A board's columns as plain Java: order, positions, and which count as done. */
class BoardTest {

    private final Board board = new Board("Plain", Instant.EPOCH);

    @Test
    void aNewBoardHasTheDefaultColumnsAndOnlyTheLastCountsAsDone() {
        assertThat(board.getColumns()).extracting(BoardColumn::getName).containsExactly("To do", "In progress", "Done");
        assertThat(board.getColumns()).extracting(BoardColumn::isDone).containsExactly(false, false, true);
    }

    @Test
    void aMovedColumnTakesItsClampedPlaceAndEveryColumnIsRenumbered() {
        BoardColumn done = board.getColumns().get(2);

        assertThat(board.moveColumn(done, -4)).isTrue();
        assertThat(board.getColumns()).extracting(BoardColumn::getName).containsExactly("Done", "To do", "In progress");
        assertThat(board.getColumns()).extracting(BoardColumn::getPosition).containsExactly(0, 1, 2);

        assertThat(board.moveColumn(done, 40)).isTrue();
        assertThat(board.getColumns()).extracting(BoardColumn::getName).containsExactly("To do", "In progress", "Done");
        assertThat(board.moveColumn(done, 2)).isFalse();
    }

    @Test
    void anAddedColumnComesLastAndARemovedOneLeavesNoGap() {
        BoardColumn review = board.addColumn("Review", 3);
        board.removeColumn(board.getColumns().get(1));

        assertThat(board.getColumns()).extracting(BoardColumn::getName).containsExactly("To do", "Done", "Review");
        assertThat(board.getColumns()).extracting(BoardColumn::getPosition).containsExactly(0, 1, 2);
        assertThat(review.getWipLimit()).isEqualTo(3);
        assertThat(review.isDone()).isFalse();
    }
}
