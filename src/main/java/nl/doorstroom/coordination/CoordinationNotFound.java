package nl.doorstroom.coordination;

import java.util.NoSuchElementException;

/** No contact, commitment or follow-up with this id (or not one the reader may see). */
public class CoordinationNotFound extends NoSuchElementException {

    public CoordinationNotFound(String kind, long id) {
        super("No " + kind + " " + id);
    }
}
