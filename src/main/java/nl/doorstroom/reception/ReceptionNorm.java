package nl.doorstroom.reception;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The norm for the occupancy of the central registration centre: policy aims to keep Ter Apel under 2,000
 * (LRT minutes, 3 November 2023). Set by a national coordinator; every change is a new version.
 */
public record ReceptionNorm(int version, int persons, LocalDate validFrom, String setBy, Instant setAt) {
}
