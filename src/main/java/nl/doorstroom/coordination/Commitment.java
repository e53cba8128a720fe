package nl.doorstroom.coordination;

import java.time.LocalDate;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * A promise made in a contact: extra places in a municipality of a kind by an expected date, tracked to
 * its end: kept (places realised), partly kept, or not kept (with a reason).
 *
 * @param siteId the temporary site from the register, for kind {@code TEMPORARY_SITE}; may be null
 * @param realisedPlaces the places realised when kept or partly kept
 */
public record Commitment(long id, long contactId, MunicipalityCode municipality, int places, Kind kind, Long siteId,
        LocalDate expectedOn, Status status, Integer realisedPlaces, LocalDate realisedOn, String reason,
        LocalDate madeOn, int version) {

    public enum Kind {
        REGULAR_HOME, HAR_HOTEL, TEMPORARY_SITE, OTHER;

        public String messageKey() {
            return "coordination.kind." + name();
        }
    }

    public enum Status {
        OPEN, KEPT, PARTLY_KEPT, NOT_KEPT;

        public String messageKey() {
            return "coordination.status." + name();
        }
    }

    public boolean open() {
        return status == Status.OPEN;
    }

    /** Open and past its expected date. */
    public boolean overdue(LocalDate today) {
        return open() && expectedOn.isBefore(today);
    }
}
