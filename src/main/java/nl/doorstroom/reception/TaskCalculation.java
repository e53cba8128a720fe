package nl.doorstroom.reception;

import java.time.Instant;
import java.time.LocalDate;

import nl.doorstroom.quota.ApportionmentMethod;

/**
 * One stored computation of the reception task of every municipality: the total, the population version and the
 * welfare-factor version it used, and the method, so that the same inputs give the same figures again.
 *
 * @param totalId   the entered total it distributed; null for the act's 96,000
 * @param allocated the sum of the tasks: the total, except with {@link ApportionmentMethod#ROUND_UP}, which gives
 *                  more (by less than the number of municipalities)
 */
public record TaskCalculation(long id, Long totalId, int total, long allocated, String distributionKey,
        ApportionmentMethod method, long populationVersionId, long welfareVersionId, LocalDate effectiveDate,
        boolean synthetic, String computedBy, Instant computedAt) {

    /** The places handed out above the total by rounding (0 for every method but rounding up). */
    public long excess() {
        return allocated - total;
    }
}
