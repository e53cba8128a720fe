package nl.doorstroom.reception;

import java.util.NoSuchElementException;

/** A location that does not exist or lies outside the reader's scope: the two are not told apart. */
public class LocationNotFound extends NoSuchElementException {

    public LocationNotFound(long id) {
        super("No reception location " + id);
    }
}
