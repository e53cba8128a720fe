package nl.doorstroom.quota;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One dated set of an indicator per municipality for other distribution keys: the welfare
 * correction factor of the reception distribution act, tax revenue, or GDP.
 */
public record IndicatorVersion(long id, String indicator, LocalDate referenceDate, String label, boolean synthetic,
        String importedBy, Instant importedAt, int municipalityCount) {
}
