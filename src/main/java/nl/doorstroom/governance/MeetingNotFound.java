package nl.doorstroom.governance;

/** A meeting or action item that does not exist, or that the reader may not see (the two are not told apart). */
public class MeetingNotFound extends RuntimeException {

    public MeetingNotFound(String what) {
        super(what + " not found");
    }
}
