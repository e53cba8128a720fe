package nl.doorstroom.supervision;

/** A case, document or municipality that does not exist. */
public class SupervisionNotFound extends RuntimeException {

    public SupervisionNotFound(String what) {
        super(what + " not found");
    }
}
