package nl.doorstroom.permitholders;

import java.time.Instant;
import java.time.LocalDate;

import nl.doorstroom.shared.MunicipalityCode;

/** One step in a household's timeline: registered, changed, linked, link cancelled, offered, placed, moved. */
public record TimelineEntry(long id, String kind, LocalDate occurredOn, MunicipalityCode municipality, int persons,
        String detail, String recordedBy, Instant recordedAt) {

    public String messageKey() {
        return "event." + kind;
    }
}
