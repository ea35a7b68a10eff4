package io.boardcast.task;

/**
 * Where a card is and its version, read without the card: all that a move shows a page that already has the card.
 *
 * @param archived whether it has left the board for its archive
 */
record CardPlace(long id, long columnId, long version, String title, boolean archived) {
}
