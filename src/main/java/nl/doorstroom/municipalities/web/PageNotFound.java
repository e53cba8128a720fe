package nl.doorstroom.municipalities.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page asked for something that does not exist: answered with 404 and the error page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class PageNotFound extends RuntimeException {

    PageNotFound(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
