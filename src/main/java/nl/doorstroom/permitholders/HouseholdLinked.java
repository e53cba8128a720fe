package nl.doorstroom.permitholders;

import java.time.LocalDate;

import nl.doorstroom.shared.MunicipalityCode;

/** COA linked a household to a municipality. */
public record HouseholdLinked(long household, MunicipalityCode municipality, LocalDate linkedOn, int persons) {
}
