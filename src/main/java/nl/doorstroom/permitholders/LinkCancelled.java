package nl.doorstroom.permitholders;

import java.time.LocalDate;

import nl.doorstroom.shared.MunicipalityCode;

/** A household's link to a municipality was cancelled; the household waits for a new link. */
public record LinkCancelled(long household, MunicipalityCode municipality, LocalDate cancelledOn, String reason) {
}
