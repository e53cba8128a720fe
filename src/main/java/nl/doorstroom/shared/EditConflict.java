package nl.doorstroom.shared;

/**
 * Thrown when an edit was based on a version that someone else has changed in the meantime, so
 * that no edit silently overwrites another.
 */
public class EditConflict extends RuntimeException {

    private final String subject;

    public EditConflict(String subject) {
        super("Changed by someone else in the meantime: " + subject);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
