package nl.doorstroom.reception;

import java.time.Instant;
import java.time.LocalDate;

/** An emergency measure recorded at a location, such as the IND waiting room used as a dormitory. */
public record EmergencyMeasure(long id, long locationId, MeasureKind kind, String description, LocalDate startsOn,
        LocalDate endsOn, int places, String createdBy, Instant createdAt) {

    /** Whether the measure was in force on this day ({@code endsOn} is the last day). */
    public boolean inForceOn(LocalDate day) {
        return !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
    }
}
