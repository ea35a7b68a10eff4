package io.boardcast.web;

/** A form was filled in against an older version of what it changes than the one stored (answered with 409). */
public class StaleFormException extends RuntimeException {

    public StaleFormException() {
        super(null, null, false, false);
    }
}
