package nl.doorstroom.forecasting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ScenarioTests {

    final ForecastParameters nation = ForecastParameters.nationalExample();

    @Test
    void theStandardScenariosAreTheIssuesFour() {
        var scenarios = Scenario.standard(nation);

        assertThat(scenarios).extracting(Scenario::name).containsExactly("baseline", "+500 extra places a week",
                "allocation share ×1.20", "inflow +20%");
    }

    @Test
    void fasterOutflowLowersOccupancyAndMoreInflowRaisesIt() {
        var baseline = StockFlowModel.deterministic(nation).occupancy();
        var extra = StockFlowModel.deterministic(Scenario.extraPlaces(nation, 500).parameters()).occupancy();
        var allocation = StockFlowModel.deterministic(Scenario.allocationRaised(nation, 1.2).parameters()).occupancy();
        var inflow = StockFlowModel.deterministic(Scenario.inflowRaised(nation, 0.2).parameters()).occupancy();

        for (int week = 1; week <= nation.horizonWeeks(); week++) {
            assertThat(extra[week]).isLessThan(baseline[week]);
            assertThat(allocation[week]).isLessThan(baseline[week]);
            assertThat(inflow[week]).isGreaterThan(baseline[week]);
        }
    }

    @Test
    void aMunicipalityWithAShareOfEverythingHasThatShareOfOccupancy() {
        var random = new SplittableRandom(31);

        for (int set = 0; set < 100; set++) {
            var parameters = ForecastFixtures.randomParameters(random);
            double share = random.nextDouble(0.0001, 1);

            var whole = StockFlowModel.deterministic(parameters).occupancy();
            var part = StockFlowModel.deterministic(parameters.scaledTo(share)).occupancy();

            for (int week = 0; week < whole.length; week++) {
                assertThat(part[week]).isCloseTo(share * whole[week], within(1e-6 * Math.max(1, whole[week])));
            }
        }
    }
}
