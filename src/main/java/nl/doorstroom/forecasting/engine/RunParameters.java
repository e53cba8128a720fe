package nl.doorstroom.forecasting.engine;

import java.util.random.RandomGenerator;

/**
 * The values one run uses, drawn once per run from the {@link ForecastParameters} and held for the whole horizon
 * (the doubt is about the level of each flow, not about week-to-week noise).
 */
public record RunParameters(
        double inflow,
        double familyReunification,
        double decisionRate,
        double decisionCapacity,
        double grantShare,
        double refusedDepartureRate,
        double quotaPace,
        double extraPlaces,
        double harPlacements,
        double others) {

    /** Every parameter at its {@linkplain Uncertain#centre() centre}: the deterministic run. */
    public static RunParameters means(ForecastParameters p) {
        return new RunParameters(p.inflow().centre(), p.familyReunification().centre(), p.decisionRate().centre(),
                p.decisionCapacity().centre(), p.grantShare().centre(), p.refusedDepartureRate().centre(),
                p.quotaPace().centre(), p.extraPlaces().centre(), p.harPlacements().centre(), p.others().centre());
    }

    /**
     * One draw per parameter, in this fixed order, whatever its kind, so that a scenario that changes one parameter
     * leaves the others' draws alone.
     */
    public static RunParameters draw(ForecastParameters p, RandomGenerator random) {
        double inflow = p.inflow().valueAt(random.nextGaussian());
        double family = p.familyReunification().valueAt(random.nextGaussian());
        double decisionRate = p.decisionRate().valueAt(random.nextGaussian());
        double decisionCapacity = p.decisionCapacity().valueAt(random.nextGaussian());
        double grantShare = p.grantShare().valueAt(random.nextGaussian());
        double departures = p.refusedDepartureRate().valueAt(random.nextGaussian());
        double pace = p.quotaPace().valueAt(random.nextGaussian());
        double extra = p.extraPlaces().valueAt(random.nextGaussian());
        double har = p.harPlacements().valueAt(random.nextGaussian());
        double others = p.others().valueAt(random.nextGaussian());
        return new RunParameters(inflow, family, decisionRate, decisionCapacity, grantShare, departures, pace, extra,
                har, others);
    }
}
