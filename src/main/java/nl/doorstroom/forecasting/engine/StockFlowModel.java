package nl.doorstroom.forecasting.engine;

import java.util.SplittableRandom;

/**
 * The weekly stock-flow model of asylum reception. Three stocks (people in procedure, permit holders waiting for a
 * home, refused asylum seekers still in reception) and a constant of others make up occupancy. Each week, from the
 * stocks at its start:
 * <pre>
 * decisions  = min(decisionRate × inProcedure, decisionCapacity)
 * granted    = grantShare × decisions;      refusals = decisions − granted
 * departures = refusedDepartureRate × refused
 * housed     = min(permitHolders, halfYearQuota / 26 × quotaPace + extraPlaces + harPlacements)
 *
 * inProcedure   += inflow − decisions
 * permitHolders += granted + familyReunification − housed
 * refused       += refusals − departures
 * occupancy      = inProcedure + permitHolders + refused + others
 * </pre>
 * People arriving in a week are decided on, housed or leave from the next week on; no stock goes negative since
 * every outflow is at most the stock it leaves. Numbers are expected values of people (fractions allowed), not
 * individuals. Capacity comes from the {@link CapacityPlan} and does not change the flows: the model shows
 * occupancy above capacity rather than hiding it, as Ter Apel's waiting room did.
 */
public final class StockFlowModel {

    private StockFlowModel() {
    }

    /** The run with every uncertain parameter at its mean. */
    public static Trajectory deterministic(ForecastParameters parameters) {
        return simulate(parameters, RunParameters.means(parameters));
    }

    /** One run with its parameters drawn from a random generator seeded with {@code seed}. */
    public static Trajectory simulate(ForecastParameters parameters, long seed) {
        return simulate(parameters, RunParameters.draw(parameters, new SplittableRandom(seed)));
    }

    public static Trajectory simulate(ForecastParameters parameters, RunParameters run) {
        int weeks = parameters.horizonWeeks();
        var inProcedure = new double[weeks + 1];
        var permitHolders = new double[weeks + 1];
        var refused = new double[weeks + 1];
        var occupancy = new double[weeks + 1];
        var inflow = new double[weeks];
        var family = new double[weeks];
        var decisions = new double[weeks];
        var granted = new double[weeks];
        var refusals = new double[weeks];
        var departures = new double[weeks];
        var housed = new double[weeks];
        var start = parameters.start();
        inProcedure[0] = start.inProcedure();
        permitHolders[0] = start.permitHolders();
        refused[0] = start.refused();
        occupancy[0] = inProcedure[0] + permitHolders[0] + refused[0] + run.others();
        double outflowCapacity = parameters.quotaPerWeek(run.quotaPace()) + run.extraPlaces() + run.harPlacements();
        for (int t = 0; t < weeks; t++) {
            inflow[t] = run.inflow();
            family[t] = run.familyReunification();
            decisions[t] = Math.min(share(run.decisionRate()) * inProcedure[t], Math.max(0, run.decisionCapacity()));
            granted[t] = share(run.grantShare()) * decisions[t];
            refusals[t] = decisions[t] - granted[t];
            departures[t] = share(run.refusedDepartureRate()) * refused[t];
            housed[t] = Math.min(permitHolders[t], Math.max(0, outflowCapacity));
            inProcedure[t + 1] = inProcedure[t] + inflow[t] - decisions[t];
            permitHolders[t + 1] = permitHolders[t] + granted[t] + family[t] - housed[t];
            refused[t + 1] = refused[t] + refusals[t] - departures[t];
            occupancy[t + 1] = inProcedure[t + 1] + permitHolders[t + 1] + refused[t + 1] + run.others();
        }
        return new Trajectory(run, inProcedure, permitHolders, refused, occupancy,
                parameters.capacity().capacities(weeks), inflow, family, decisions, granted, refusals, departures,
                housed);
    }

    /** Rates and shares outside [0, 1] (a fixed value typed wrongly) would drive a stock negative. */
    private static double share(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
