package nl.doorstroom.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import nl.doorstroom.forecasting.engine.ForecastParameters;
import nl.doorstroom.forecasting.engine.StockFlowModel;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.junit.jupiter.api.Test;

class ScenarioParametersTests {

    @Test
    void theEditableNumbersMakeTheSameEngineParametersBack() {
        var example = ForecastParameters.nationalExample();

        var back = ScenarioParameters.of(example).toEngine();

        assertThat(StockFlowModel.deterministic(back).occupancy())
                .containsExactly(StockFlowModel.deterministic(example).occupancy());
        assertThat(back.capacity()).isEqualTo(example.capacity());
    }

    @Test
    void aStandardDeviationOfZeroMakesAValueCertain() {
        var p = ScenarioParameters.of(ForecastParameters.nationalExample()).with("extraPlacesSd", 0).with("extraPlaces", 500);

        assertThat(p.toEngine().extraPlaces().valueAt(3)).isEqualTo(500);
        assertThat(p.toEngine().extraPlaces().valueAt(-3)).isEqualTo(500);
    }

    @Test
    void eachBadValueIsNamedByItsField() {
        var p = ScenarioParameters.of(ForecastParameters.nationalExample()).with("grantShare", 1.4)
                .with("horizonWeeks", 0).with("inflow", -5);

        assertThat(p.problems()).extracting(Problem::field).contains("grantShare", "horizonWeeks", "inflow");
    }

    @Test
    void theCapacityPlanIsReadAsAUserWritesIt() {
        var problems = new ArrayList<Problem>();

        var changes = ScenarioParameters.parseCapacityChanges("10:1.500; 30 : -800\n40:2000", problems);

        assertThat(problems).isEmpty();
        assertThat(changes).extracting(c -> c.week() + "/" + Math.round(c.places()))
                .containsExactly("10/1500", "30/-800", "40/2000");
        ScenarioParameters.parseCapacityChanges("10:1500; tien:5; 0:3", problems);
        assertThat(problems).extracting(Problem::row).containsExactly(2, 3);
    }
}
