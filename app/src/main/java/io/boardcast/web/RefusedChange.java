package io.boardcast.web;

/**
 * A change a service can't take, in words for the person who asked: a rule of the board (its last column, a full
 * checklist) or input that passed the form's checks but not the board's. {@code field} names the form field to show it
 * at, or is null for the form as a whole.
 */
public class RefusedChange extends RuntimeException {

    private final String field;

    public RefusedChange(String message) {
        this(null, message);
    }

    public RefusedChange(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
