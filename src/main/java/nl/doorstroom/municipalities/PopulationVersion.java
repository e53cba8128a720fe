package nl.doorstroom.municipalities;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One dated set of population figures, for example CBS's count on 1 January 2023. Versions are
 * never changed; a correction is a new version.
 *
 * @param official whether these are official CBS figures (the shipped defaults are not)
 * @param total the population of the Netherlands in this version
 */
public record PopulationVersion(long id, LocalDate referenceDate, String label, String source, boolean official,
        Instant importedAt, String importedBy, long total, int municipalityCount) {
}
