package nl.doorstroom.coordination;

import java.time.LocalDate;

/** Something to do after a contact, by a date, by a coordinator; shown on their work list until done. */
public record FollowUp(long id, long contactId, String description, LocalDate dueOn, String assignee, LocalDate doneOn,
        int version) {

    public boolean done() {
        return doneOn != null;
    }

    public boolean overdue(LocalDate today) {
        return !done() && dueOn.isBefore(today);
    }
}
