package nl.doorstroom.governance;

/** A regular meeting of the table (weekly in a crisis) or an extra one on one subject. */
public enum MeetingKind {

    REGULAR, EXTRA;

    public String messageKey() {
        return "governance.meeting.kind." + name();
    }
}
