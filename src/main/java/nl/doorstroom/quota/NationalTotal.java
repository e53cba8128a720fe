package nl.doorstroom.quota;

import java.time.Instant;
import java.time.LocalDate;

import nl.doorstroom.shared.HalfYear;

/**
 * One entry of the national number of permit holders to house in a half-year (vg). A later entry
 * for the same half-year is an adjustment ("bijgestelde taakstelling") from its effective date.
 */
public record NationalTotal(long id, HalfYear period, int total, LocalDate effectiveDate, String reason,
        boolean synthetic, String enteredBy, Instant enteredAt) {
}
