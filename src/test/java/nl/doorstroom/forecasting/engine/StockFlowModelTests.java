package nl.doorstroom.forecasting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class StockFlowModelTests {

    static final double TOLERANCE = 1e-6;

    @Test
    void peopleEnteringMinusLeavingEqualTheChangeInEveryStockInEveryWeekOfEveryRun() {
        var random = new SplittableRandom(20261129);

        for (int set = 0; set < 300; set++) {
            var parameters = ForecastFixtures.randomParameters(random);
            for (int run = 0; run < 20; run++) {
                var trajectory = StockFlowModel.simulate(parameters, random.nextLong());

                assertConserves(trajectory, "set " + set + " run " + run + " " + parameters);
            }
        }
    }

    @Test
    void noStockEverGoesNegativeAndNobodyLeavesWhoIsNotThere() {
        var random = new SplittableRandom(7);

        for (int set = 0; set < 300; set++) {
            var parameters = ForecastFixtures.randomParameters(random);
            var t = StockFlowModel.simulate(parameters, random.nextLong());

            for (int week = 0; week <= t.weeks(); week++) {
                assertThat(t.inProcedure()[week]).isGreaterThanOrEqualTo(-TOLERANCE);
                assertThat(t.permitHolders()[week]).isGreaterThanOrEqualTo(-TOLERANCE);
                assertThat(t.refused()[week]).isGreaterThanOrEqualTo(-TOLERANCE);
            }
            for (int week = 0; week < t.weeks(); week++) {
                assertThat(t.decisions()[week]).isBetween(0.0, t.inProcedure()[week]);
                assertThat(t.housed()[week]).isBetween(0.0, t.permitHolders()[week]);
                assertThat(t.refusedDepartures()[week]).isBetween(0.0, t.refused()[week]);
            }
        }
    }

    @Test
    void oneWeekComputedByHand() {
        var parameters = new ForecastParameters(1, new StartStocks(1_000, 200, 100), CapacityPlan.constant(2_000),
                Uncertain.fixed(50), Uncertain.fixed(10), Uncertain.fixed(0.1), Uncertain.fixed(80),
                Uncertain.fixed(0.75), Uncertain.fixed(0.2), 2_600, Uncertain.fixed(0.5), Uncertain.fixed(20),
                Uncertain.fixed(5), Uncertain.fixed(300));

        var t = StockFlowModel.deterministic(parameters);

        // decisions = min(0.1 × 1,000, 80) = 80; granted 60, refused 20; departures 0.2 × 100 = 20;
        // housed = min(200, 2,600 / 26 × 0.5 + 20 + 5) = 75.
        assertThat(t.decisions()[0]).isEqualTo(80);
        assertThat(t.granted()[0]).isEqualTo(60);
        assertThat(t.housed()[0]).isEqualTo(75);
        assertThat(t.inProcedure()[1]).isEqualTo(970);
        assertThat(t.permitHolders()[1]).isEqualTo(195);
        assertThat(t.refused()[1]).isEqualTo(100);
        assertThat(t.occupancy()).containsExactly(1_600, 1_565);
    }

    @Test
    void housingStopsAtThePermitHoldersThereAre() {
        var parameters = ForecastFixtures.straightLine(Uncertain.fixed(0), 5_000)
                .withStart(new StartStocks(0, 100, 0))
                .withHalfYearQuota(26 * 70)
                .withQuotaPace(Uncertain.fixed(1));

        var t = StockFlowModel.deterministic(parameters);

        assertThat(t.housed()[0]).isEqualTo(70);
        assertThat(t.housed()[1]).isEqualTo(30);
        assertThat(t.housed()[2]).isZero();
        assertThat(t.permitHolders()[2]).isZero();
    }

    @Test
    void capacityFollowsThePlannedOpeningsAndClosings() {
        var plan = CapacityPlan.constant(1_000).with(3, 200).with(5, -50);

        assertThat(plan.capacities(6)).containsExactly(1_000, 1_000, 1_000, 1_200, 1_200, 1_150, 1_150);
    }

    static void assertConserves(Trajectory t, String description) {
        for (int week = 1; week <= t.weeks(); week++) {
            int flow = week - 1;
            double procedureIn = t.inflow()[flow];
            double procedureOut = t.decisions()[flow];
            double holdersIn = t.granted()[flow] + t.familyReunification()[flow];
            double holdersOut = t.housed()[flow];
            double refusedIn = t.refusals()[flow];
            double refusedOut = t.refusedDepartures()[flow];

            assertThat(t.inProcedure()[week] - t.inProcedure()[week - 1]).as(description)
                    .isCloseTo(procedureIn - procedureOut, within(TOLERANCE));
            assertThat(t.permitHolders()[week] - t.permitHolders()[week - 1]).as(description)
                    .isCloseTo(holdersIn - holdersOut, within(TOLERANCE));
            assertThat(t.refused()[week] - t.refused()[week - 1]).as(description)
                    .isCloseTo(refusedIn - refusedOut, within(TOLERANCE));
            assertThat(t.granted()[flow] + t.refusals()[flow]).as(description)
                    .isCloseTo(t.decisions()[flow], within(TOLERANCE));
            double entering = procedureIn + t.familyReunification()[flow];
            double leaving = holdersOut + refusedOut;
            assertThat(t.occupancy()[week] - t.occupancy()[week - 1]).as(description)
                    .isCloseTo(entering - leaving, within(TOLERANCE));
        }
    }
}
