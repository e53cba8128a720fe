package nl.doorstroom.forecasting.engine;

import java.util.SplittableRandom;

/** Parameter sets for tests: random ones over wide ranges, certain ones, and a hand-made straight line. */
final class ForecastFixtures {

    private ForecastFixtures() {
    }

    /** Parameters over wide ranges, some of them surely hitting the bounds (rates near 0 or 1, quotas that empty the stock). */
    static ForecastParameters randomParameters(SplittableRandom random) {
        return new ForecastParameters(1 + random.nextInt(60),
                new StartStocks(random.nextDouble(0, 50_000), random.nextDouble(0, 20_000), random.nextDouble(0, 5_000)),
                CapacityPlan.constant(random.nextDouble(10_000, 80_000)).with(1 + random.nextInt(30),
                        random.nextDouble(-2_000, 2_000)),
                Uncertain.lognormal(random.nextDouble(1, 2_000), random.nextDouble(0, 800)),
                Uncertain.normal(random.nextDouble(-100, 400), random.nextDouble(0, 100)),
                Uncertain.share(random.nextDouble(-0.1, 0.2), random.nextDouble(0, 0.1)),
                random.nextBoolean() ? Uncertain.fixed(Double.POSITIVE_INFINITY)
                        : Uncertain.normal(random.nextDouble(0, 1_500), random.nextDouble(0, 300)),
                Uncertain.share(random.nextDouble(0, 1), random.nextDouble(0, 0.3)),
                Uncertain.share(random.nextDouble(0, 0.3), random.nextDouble(0, 0.1)),
                random.nextDouble(0, 60_000),
                Uncertain.share(random.nextDouble(0, 1.2), random.nextDouble(0, 0.3)),
                Uncertain.normal(random.nextDouble(0, 800), random.nextDouble(0, 300)),
                Uncertain.normal(random.nextDouble(0, 200), random.nextDouble(0, 100)),
                Uncertain.normal(random.nextDouble(0, 10_000), random.nextDouble(0, 1_000)));
    }

    /** The same parameters with every doubt taken away: each at its mean. */
    static ForecastParameters certain(ForecastParameters p) {
        return p.withInflow(Uncertain.fixed(p.inflow().centre()))
                .withFamilyReunification(Uncertain.normal(p.familyReunification().centre(), 0))
                .withDecisionRate(Uncertain.share(p.decisionRate().centre(), 0))
                .withDecisionCapacity(Uncertain.fixed(p.decisionCapacity().centre()))
                .withGrantShare(Uncertain.share(p.grantShare().centre(), 0))
                .withRefusedDepartureRate(Uncertain.share(p.refusedDepartureRate().centre(), 0))
                .withQuotaPace(Uncertain.share(p.quotaPace().centre(), 0))
                .withExtraPlaces(Uncertain.normal(p.extraPlaces().centre(), 0))
                .withHarPlacements(Uncertain.normal(p.harPlacements().centre(), 0))
                .withOthers(Uncertain.normal(p.others().centre(), 0));
    }

    /**
     * Occupancy 1,000 + 10·t exactly: 10 arrive a week, nobody is decided on or leaves, no others. Inflow as given
     * so tests can add doubt to it.
     */
    static ForecastParameters straightLine(Uncertain inflow, double capacity) {
        return new ForecastParameters(30, new StartStocks(1_000, 0, 0), CapacityPlan.constant(capacity), inflow,
                Uncertain.fixed(0), Uncertain.fixed(0), Uncertain.fixed(Double.POSITIVE_INFINITY),
                Uncertain.fixed(0.5), Uncertain.fixed(0), 0, Uncertain.fixed(0), Uncertain.fixed(0),
                Uncertain.fixed(0), Uncertain.fixed(0));
    }
}
