package io.boardcast.task;

/**
 * The toast after one's own change that offers to undo it for ten seconds ({@code task/fragments :: undo-toast}): in
 * the htmx answer, or on the page a plain form's redirect lands on, which names it ({@code ?undo=id}; see
 * {@link UndoAdvice}) rather than keeping it in the session, where an unfollowed redirect would leave it for another
 * page.
 *
 * @param message what was done, e.g. "Moved “Ship it” to Done."
 * @param back    the page to return to after an undo without JavaScript (a page of the board)
 */
public record UndoOffer(long id, long boardId, String message, String back) {

    static final long SECONDS = Undos.WINDOW.toSeconds();

    public long expiresInMillis() {
        return SECONDS * 1000;
    }

}
