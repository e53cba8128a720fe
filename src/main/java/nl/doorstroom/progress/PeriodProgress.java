package nl.doorstroom.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import nl.doorstroom.shared.HalfYear;

/**
 * Where a municipality (or a sum of municipalities) stands in one half-year on a date.
 *
 * @param quota the quota by law plus transfers
 * @param carriedIn the shortfall (positive) or advance (negative) carried in from the half-year before
 * @param correctedQuota quota plus carry-over: what must be housed in this half-year
 * @param housed housed in this half-year, counting the months started by the date
 * @param expected what the pace of 1/6 of the corrected quota per month asks by the date
 * @param complete whether the half-year has ended (its cut-off date has passed)
 * @param colour the assessment on the cut-off date, or, while the half-year runs, provisionally against the pace
 */
public record PeriodProgress(HalfYear period, LocalDate asOf, long quota, long carriedIn, long correctedQuota,
        long housed, double expected, boolean complete, boolean quotaPublished, Colour colour, boolean excused) {

    /** Corrected quota minus housed: positive is a shortfall, negative an advance. */
    public long balance() {
        return correctedQuota - housed;
    }

    public long shortfall() {
        return Math.max(0, balance());
    }

    public long advance() {
        return Math.max(0, -balance());
    }

    /** Housed as a share of the corrected quota, in percent; null when nothing had to be housed. */
    public Double realisationPercent() {
        return correctedQuota <= 0 ? null : 100.0 * housed / correctedQuota;
    }

    /** How many weeks of the required pace the municipality is behind on the date (0 when on pace). */
    public double weeksBehind() {
        if (correctedQuota <= 0 || housed >= expected) {
            return 0;
        }
        double weeksInPeriod = (ChronoUnit.DAYS.between(period.start(), period.end()) + 1) / 7.0;
        return (expected - housed) * weeksInPeriod / correctedQuota;
    }

    /**
     * What the pace asks by a date: 1/6 of the corrected quota for every month of the half-year that
     * has passed, pro rata for the running month (DOMAIN.md, "Housing quota").
     */
    static double expectedBy(HalfYear period, LocalDate date, long correctedQuota) {
        if (date.isBefore(period.start())) {
            return 0;
        }
        if (date.isAfter(period.end())) {
            return correctedQuota;
        }
        int fullMonths = date.getMonthValue() - period.start().getMonthValue();
        double monthFraction = (double) date.getDayOfMonth() / date.lengthOfMonth();
        return correctedQuota * (fullMonths + monthFraction) / 6.0;
    }
}
