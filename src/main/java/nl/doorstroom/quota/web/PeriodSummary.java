package nl.doorstroom.quota.web;

import java.util.List;

import nl.doorstroom.municipalities.PopulationVersion;
import nl.doorstroom.quota.NationalTotal;
import nl.doorstroom.quota.PublishedQuota;
import nl.doorstroom.shared.HalfYear;

/**
 * One half-year as the quota pages show it: the national total in force (or, before it takes
 * effect, the first entry), every entry of its history, and the computation that applies.
 *
 * @param total null when no national total was entered
 * @param calculation null when no quota was published
 * @param populationVersion the version the computation used; null when it no longer exists
 */
record PeriodSummary(HalfYear period, NationalTotal total, boolean totalInForce, List<NationalTotal> history,
        PublishedQuota calculation, boolean calculationInForce, PopulationVersion populationVersion,
        int calculations) {

    /** How far the municipal quotas together exceed the national total, by rounding up. */
    public long excess() {
        return calculation == null ? 0 : calculation.sum() - calculation.nationalTotal();
    }
}
