package nl.doorstroom.forecasting.engine;

import java.util.List;
import java.util.Objects;

/**
 * Everything the {@link StockFlowModel} needs: the horizon, the stocks at the start, the capacity plan and the
 * weekly flows, each with its doubt ({@link Uncertain}). Counts are people per week; rates and shares are fractions.
 *
 * @param horizonWeeks how many weeks to forecast (at least 1)
 * @param start the stocks in reception at week 0
 * @param capacity reception places per week
 * @param inflow asylum seekers entering reception per week (first and follow-up applications); lognormal: surges
 * @param familyReunification family members joining a permit holder per week; they arrive with a permit, enter
 *        reception as permit holders and count towards the quota
 * @param decisionRate share of the people in procedure that the IND decides on per week
 * @param decisionCapacity the most decisions the IND takes per week ({@code Uncertain.fixed(∞)}: no limit)
 * @param grantShare share of decisions that grants a permit; the rest are refusals
 * @param refusedDepartureRate share of the refused still in reception that leaves it per week (return, departure
 *        to an unknown destination, or the family-location regime outside regular reception)
 * @param halfYearQuota the half-year's corrected quota of permit holders to be housed by all municipalities
 * @param quotaPace the share of the quota's even weekly pace (quota / 26) that municipalities actually house
 * @param extraPlaces extra permit holders housed per week through the coordination centre, above the regular pace
 * @param harPlacements permit holders placed per week in temporary outflow sites funded by the HAR
 * @param others people in reception who are in none of the three stocks (e.g. awaiting a Dublin transfer); drawn
 *        once per run and constant over the horizon
 */
public record ForecastParameters(
        int horizonWeeks,
        StartStocks start,
        CapacityPlan capacity,
        Uncertain inflow,
        Uncertain familyReunification,
        Uncertain decisionRate,
        Uncertain decisionCapacity,
        Uncertain grantShare,
        Uncertain refusedDepartureRate,
        double halfYearQuota,
        Uncertain quotaPace,
        Uncertain extraPlaces,
        Uncertain harPlacements,
        Uncertain others) {

    /** Weeks in a half-year: the quota's even pace is a twenty-sixth of it per week. */
    public static final int WEEKS_PER_HALF_YEAR = 26;

    public ForecastParameters {
        if (horizonWeeks < 1) {
            throw new IllegalArgumentException("the horizon is at least one week");
        }
        if (halfYearQuota < 0) {
            throw new IllegalArgumentException("the quota is never negative");
        }
        for (var parameter : List.of(inflow, familyReunification, decisionRate, decisionCapacity, grantShare,
                refusedDepartureRate, quotaPace, extraPlaces, harPlacements, others)) {
            Objects.requireNonNull(parameter);
        }
        Objects.requireNonNull(start);
        Objects.requireNonNull(capacity);
    }

    /**
     * An illustrative national picture shaped like late 2023 (about 65,000 in reception of whom 16,000 permit
     * holders, capacity just above occupancy). The figures are rounded guesses for demonstrations, not COA's. The
     * others are a known count at the start (fixed), so that occupancy in week 0 is what was observed.
     */
    public static ForecastParameters nationalExample() {
        return new ForecastParameters(104,
                new StartStocks(38_000, 16_000, 4_000),
                CapacityPlan.constant(66_000).with(10, 1_500).with(26, 1_000).with(30, -800),
                Uncertain.lognormal(850, 170),
                Uncertain.normal(190, 40),
                Uncertain.share(0.021, 0.003),
                Uncertain.fixed(Double.POSITIVE_INFINITY),
                Uncertain.share(0.70, 0.05),
                Uncertain.share(0.06, 0.015),
                19_000,
                Uncertain.share(0.80, 0.08),
                Uncertain.fixed(0),
                Uncertain.normal(50, 20),
                Uncertain.fixed(7_000));
    }

    /**
     * The same model for a part of the country holding {@code share} of everything: stocks, capacity and weekly
     * counts scaled, rates and shares as they are.
     */
    public ForecastParameters scaledTo(double share) {
        return new ForecastParameters(horizonWeeks,
                new StartStocks(start.inProcedure() * share, start.permitHolders() * share, start.refused() * share),
                capacity.scaled(share), inflow.scaled(share), familyReunification.scaled(share), decisionRate,
                decisionCapacity.scaled(share), grantShare, refusedDepartureRate, halfYearQuota * share, quotaPace,
                extraPlaces.scaled(share), harPlacements.scaled(share), others.scaled(share));
    }

    /** The permit holders housed per week at the quota's pace, before extra places and HAR. */
    public double quotaPerWeek(double pace) {
        return halfYearQuota / WEEKS_PER_HALF_YEAR * pace;
    }

    public ForecastParameters withHorizonWeeks(int weeks) {
        return new ForecastParameters(weeks, start, capacity, inflow, familyReunification, decisionRate,
                decisionCapacity, grantShare, refusedDepartureRate, halfYearQuota, quotaPace, extraPlaces,
                harPlacements, others);
    }

    public ForecastParameters withStart(StartStocks stocks) {
        return new ForecastParameters(horizonWeeks, stocks, capacity, inflow, familyReunification, decisionRate,
                decisionCapacity, grantShare, refusedDepartureRate, halfYearQuota, quotaPace, extraPlaces,
                harPlacements, others);
    }

    public ForecastParameters withCapacity(CapacityPlan plan) {
        return new ForecastParameters(horizonWeeks, start, plan, inflow, familyReunification, decisionRate,
                decisionCapacity, grantShare, refusedDepartureRate, halfYearQuota, quotaPace, extraPlaces,
                harPlacements, others);
    }

    public ForecastParameters withInflow(Uncertain value) {
        return new ForecastParameters(horizonWeeks, start, capacity, value, familyReunification, decisionRate,
                decisionCapacity, grantShare, refusedDepartureRate, halfYearQuota, quotaPace, extraPlaces,
                harPlacements, others);
    }

    public ForecastParameters withFamilyReunification(Uncertain value) {
        return new ForecastParameters(horizonWeeks, start, capacity, inflow, value, decisionRate,
                decisionCapacity, grantShare, refusedDepartureRate, halfYearQuota, quotaPace, extraPlaces,
                harPlacements, others);
    }

    public ForecastParameters withDecisionRate(Uncertain value) {
        return new ForecastParameters(horizonWeeks, start, capacity, inflow, familyReunification, value,
                decisionCapacity, grantShare, refusedDepartureRate, halfYearQuota, quotaPace, extraPlaces,
                harPlacements, others);
    }

    public ForecastParameters withDecisionCapacity(Uncertain value) {
        return new ForecastParameters(horizonWeeks, start, capacity, inflow, familyReunification, decisionRate,
                value, grantShare, refusedDepartureRate, halfYearQuota, quotaPace, extraPlaces,
                harPlacements, others);
    }

    public ForecastParameters withGrantShare(Uncertain value) {
        return new ForecastParameters(horizonWeeks, start, capacity, inflow, familyReunification, decisionRate,
                decisionCapacity, value, refusedDepartureRate, halfYearQuota, quotaPace, extraPlaces,
                harPlacements, others);
    }

    public ForecastParameters withRefusedDepartureRate(Uncertain value) {
        return new ForecastParameters(horizonWeeks, start, capacity, inflow, familyReunification, decisionRate,
                decisionCapacity, grantShare, value, halfYearQuota, quotaPace, extraPlaces,
                harPlacements, others);
    }

    public ForecastParameters withHalfYearQuota(double quota) {
        return new ForecastParameters(horizonWeeks, start, capacity, inflow, familyReunification, decisionRate,
                decisionCapacity, grantShare, refusedDepartureRate, quota, quotaPace, extraPlaces,
                harPlacements, others);
    }

    public ForecastParameters withQuotaPace(Uncertain value) {
        return new ForecastParameters(horizonWeeks, start, capacity, inflow, familyReunification, decisionRate,
                decisionCapacity, grantShare, refusedDepartureRate, halfYearQuota, value, extraPlaces,
                harPlacements, others);
    }

    public ForecastParameters withExtraPlaces(Uncertain value) {
        return new ForecastParameters(horizonWeeks, start, capacity, inflow, familyReunification, decisionRate,
                decisionCapacity, grantShare, refusedDepartureRate, halfYearQuota, quotaPace, value,
                harPlacements, others);
    }

    public ForecastParameters withHarPlacements(Uncertain value) {
        return new ForecastParameters(horizonWeeks, start, capacity, inflow, familyReunification, decisionRate,
                decisionCapacity, grantShare, refusedDepartureRate, halfYearQuota, quotaPace, extraPlaces,
                value, others);
    }

    public ForecastParameters withOthers(Uncertain value) {
        return new ForecastParameters(horizonWeeks, start, capacity, inflow, familyReunification, decisionRate,
                decisionCapacity, grantShare, refusedDepartureRate, halfYearQuota, quotaPace, extraPlaces,
                harPlacements, value);
    }
}
