package io.boardcast.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A member tried a write their role does not allow. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class ReadOnlyException extends RuntimeException {

    public ReadOnlyException() {
        super(null, null, false, false);
    }
}
