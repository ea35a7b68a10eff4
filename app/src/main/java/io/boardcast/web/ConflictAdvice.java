package io.boardcast.web;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The last line behind the services' lock-then-read rule: if two writes ever still collide at the flush, the loser
 * is told so (409), never shown a server error.
 */
@ControllerAdvice
class ConflictAdvice {

    @ExceptionHandler(OptimisticLockingFailureException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String changedMeanwhile() {
        return "error/409";
    }
}
