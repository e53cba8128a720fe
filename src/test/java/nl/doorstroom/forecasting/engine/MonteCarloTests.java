package nl.doorstroom.forecasting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class MonteCarloTests {

    final ForecastParameters nation = ForecastParameters.nationalExample();

    @Test
    void withoutDoubtTheMedianIsTheDeterministicRunInEveryWeek() {
        var random = new SplittableRandom(11);

        for (int set = 0; set < 20; set++) {
            var parameters = ForecastFixtures.certain(ForecastFixtures.randomParameters(random));

            var forecast = MonteCarlo.run(parameters, 200, random.nextLong());
            var deterministic = StockFlowModel.deterministic(parameters);

            for (int week = 0; week <= parameters.horizonWeeks(); week++) {
                var w = forecast.week(week);
                assertThat(w.occupancy().p50()).isEqualTo(deterministic.occupancy()[week]);
                assertThat(w.inProcedure().p50()).isEqualTo(deterministic.inProcedure()[week]);
                assertThat(w.permitHolders().p50()).isEqualTo(deterministic.permitHolders()[week]);
                assertThat(w.refused().p50()).isEqualTo(deterministic.refused()[week]);
            }
        }
    }

    @Test
    void percentilesAreOrderedAndProbabilitiesAreProbabilities() {
        var random = new SplittableRandom(12);

        for (int set = 0; set < 20; set++) {
            var forecast = MonteCarlo.run(ForecastFixtures.randomParameters(random), 300, random.nextLong());

            for (var week : forecast.weeks()) {
                for (var band : new Band[] { week.occupancy(), week.inProcedure(), week.permitHolders(), week.refused() }) {
                    assertThat(band.p10()).isLessThanOrEqualTo(band.p50());
                    assertThat(band.p50()).isLessThanOrEqualTo(band.p90());
                }
                assertThat(week.probabilityOverCapacity()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void lessCapacityMeansAtLeastAsHighAProbabilityOfRunningOut() {
        var tighter = nation.withCapacity(CapacityPlan.constant(64_000).with(10, 1_500));
        var roomier = nation.withCapacity(CapacityPlan.constant(68_000).with(10, 1_500));

        var tight = MonteCarlo.run(tighter, 2_000, 5);
        var roomy = MonteCarlo.run(roomier, 2_000, 5);

        for (int week = 0; week <= nation.horizonWeeks(); week++) {
            assertThat(tight.week(week).probabilityOverCapacity())
                    .isGreaterThanOrEqualTo(roomy.week(week).probabilityOverCapacity());
        }
        assertThat(tight.week(52).probabilityOverCapacity()).isGreaterThan(roomy.week(0).probabilityOverCapacity());
    }

    @Test
    void runwayIsTheFirstWeekTheMedianExceedsCapacity() {
        // Occupancy 1,000 + 10·t: 1,050 in week 5 is the first above 1,045.
        var forecast = MonteCarlo.run(ForecastFixtures.straightLine(Uncertain.fixed(10), 1_045), 100, 1);

        assertThat(forecast.runwayMedian()).hasValue(5);
        assertThat(forecast.runwayP90()).hasValue(5);
    }

    @Test
    void runwayWaitsForThePlannedOpeningToBeFilled() {
        // 200 places open in week 3: 1,245 is exceeded at 1,250 in week 25.
        var line = ForecastFixtures.straightLine(Uncertain.fixed(10), 1_045);
        var forecast = MonteCarlo.run(line.withCapacity(CapacityPlan.constant(1_045).with(3, 200)), 100, 1);

        assertThat(forecast.runwayMedian()).hasValue(25);
    }

    @Test
    void noRunwayWhenCapacityLastsTheHorizon() {
        var forecast = MonteCarlo.run(ForecastFixtures.straightLine(Uncertain.fixed(10), 1_300), 100, 1);

        assertThat(forecast.runwayMedian()).isEmpty();
        assertThat(forecast.runwayP90()).isEmpty();
    }

    @Test
    void theNinetiethPercentileRunsOutNoLaterThanTheMedian() {
        var forecast = MonteCarlo.run(ForecastFixtures.straightLine(Uncertain.normal(10, 4), 1_105), 2_000, 3);

        assertThat(forecast.runwayMedian()).hasValue(11);
        assertThat(forecast.runwayP90()).hasValue(7);
    }

    @Test
    void fiveHundredExtraPlacesAWeekPostponeRunningOut() {
        var baseline = MonteCarlo.run(nation, 2_000, 42);
        var extra = MonteCarlo.run(Scenario.extraPlaces(nation, 500).parameters(), 2_000, 42);

        assertThat(baseline.runwayMedian()).isPresent();
        assertThat(extra.runwayMedian().orElse(Integer.MAX_VALUE))
                .isGreaterThanOrEqualTo(baseline.runwayMedian().getAsInt());
        assertThat(extra.runwayP90().orElse(Integer.MAX_VALUE))
                .isGreaterThanOrEqualTo(baseline.runwayP90().getAsInt());
        for (int week = 0; week <= nation.horizonWeeks(); week++) {
            assertThat(extra.week(week).occupancy().p50()).isLessThanOrEqualTo(baseline.week(week).occupancy().p50());
        }
    }

    @Test
    void theSameSeedGivesTheSameForecast() {
        var first = MonteCarlo.run(nation, 1_000, 99);
        var second = MonteCarlo.run(nation, 1_000, 99);
        var other = MonteCarlo.run(nation, 1_000, 100);

        assertThat(second).isEqualTo(first);
        assertThat(other.weeks()).isNotEqualTo(first.weeks());
    }

    @Test
    void cancellingStopsBeforeAllRunsAreDone() {
        var asked = new AtomicInteger();
        var reported = new AtomicInteger();

        assertThatThrownBy(() -> MonteCarlo.run(nation, 100_000, 1,
                (done, total) -> reported.accumulateAndGet(done, Math::max), () -> asked.incrementAndGet() > 500))
                .isInstanceOf(CancellationException.class);

        assertThat(reported.get()).isLessThan(100_000);
    }

    @Test
    void reportsProgressUpToTheLastRun() {
        var reported = new AtomicInteger();

        MonteCarlo.run(nation, 1_000, 1, (done, total) -> reported.accumulateAndGet(done, Math::max), () -> false);

        assertThat(reported.get()).isEqualTo(1_000);
    }

    @Test
    void percentilesInterpolateBetweenClosestRanks() {
        var band = MonteCarlo.band(new double[] { 50, 10, 40, 20, 30 });

        assertThat(band.p10()).isEqualTo(14);
        assertThat(band.p50()).isEqualTo(30);
        assertThat(band.p90()).isEqualTo(46);
        assertThat(band.mean()).isEqualTo(30);
    }
}
