package nl.doorstroom.permitholders;

import java.time.LocalDate;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * A household started to count toward the quota of the municipality it is linked to: it moved into a
 * home, or was placed in temporary accommodation under the HAR (DOMAIN.md, HAR). Published once per
 * household, on the day it counts; a later move out of a HAR place does not count again.
 */
public record HouseholdHoused(long household, MunicipalityCode municipality, LocalDate countedOn, int persons,
        boolean underHar) {
}
