package io.boardcast.task;

/** Input that passed the form's own checks but not the board's (a non-member assignee, another board's column). */
class RejectedInput extends RuntimeException {

    private final String field;

    RejectedInput(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
