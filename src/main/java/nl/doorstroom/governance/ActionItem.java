package nl.doorstroom.governance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An action item agreed at a meeting of the table: what, which organisation (and person) owns it, by when, and
 * its status. Read for a date, {@code status}, {@code statusOn} and {@code statusBy} are as they stood on that
 * date; {@code version} is always the latest (send it with a change). Synthetic items belong to the demo.
 */
public record ActionItem(long id, long meetingId, String meetingTitle, LocalDate meetingOn, String what,
        String ownerOrganisation, String ownerPerson, LocalDate dueOn, ActionItemStatus status, LocalDate statusOn,
        String statusBy, List<ActionItemLink> links, boolean synthetic, int version) {

    public ActionItem {
        links = links == null ? List.of() : List.copyOf(links);
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /** Overdue on a date: still open and the due date lies before it (due today is not yet overdue). */
    public boolean overdueOn(LocalDate date) {
        return isOpen() && dueOn.isBefore(date);
    }

    /** Days past the due date on a date; 0 when not overdue. */
    public long daysOverdue(LocalDate date) {
        return overdueOn(date) ? ChronoUnit.DAYS.between(dueOn, date) : 0;
    }

    /** Whether an organisation (as the work list names it, in any case) owns this item. */
    public boolean ownedBy(String organisation) {
        return organisation != null && ownerOrganisation.strip().equalsIgnoreCase(organisation.strip());
    }
}
