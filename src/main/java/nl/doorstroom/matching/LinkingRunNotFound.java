package nl.doorstroom.matching;

/** No linking run (or no proposal for that household in it) with this id. */
public class LinkingRunNotFound extends RuntimeException {

    public LinkingRunNotFound(long id) {
        super("No linking run " + id);
    }
}
