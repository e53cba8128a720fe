package nl.doorstroom.quota;

import java.time.Instant;
import java.time.LocalDate;

import nl.doorstroom.shared.HalfYear;

/**
 * One computation of every municipality's quota for a half-year, as published: from which national
 * total and which population version, and whether that version was chosen by hand instead of the
 * law's 1 January of the year before (then with the reason).
 *
 * @param sum the sum of the municipal quotas (above the national total because of rounding up)
 */
public record PublishedQuota(long id, HalfYear period, long nationalTotalId, int nationalTotal,
        long populationVersionId, LocalDate populationReferenceDate, long populationTotal, boolean versionChosen,
        String choiceReason, LocalDate effectiveDate, String calculatedBy, Instant calculatedAt, long sum,
        int municipalities) {
}
