package nl.doorstroom.forecasting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class BacktestTests {

    static final Forecaster LAST_VALUE = (history, horizon) -> {
        var forecast = new double[horizon];
        Arrays.fill(forecast, history[history.length - 1]);
        return forecast;
    };

    @Test
    void scoresEachHorizonOverEveryAsOfWeek() {
        double[] observed = { 100, 100, 110, 120 };

        var scores = Backtest.run(observed, LAST_VALUE, 0, List.of(1, 2));

        // 1 week ahead: |100−100|/100, |100−110|/110, |110−120|/120; 2 weeks: |100−110|/110, |100−120|/120.
        assertThat(scores.get(0).forecasts()).isEqualTo(3);
        assertThat(scores.get(0).meanAbsolutePercentageError()).isCloseTo((0 + 1 / 11.0 + 1 / 12.0) / 3, within(1e-12));
        assertThat(scores.get(0).shareWithinTenPercent()).isEqualTo(1.0);
        assertThat(scores.get(1).forecasts()).isEqualTo(2);
        assertThat(scores.get(1).meanAbsolutePercentageError()).isCloseTo((1 / 11.0 + 1 / 6.0) / 2, within(1e-12));
        assertThat(scores.get(1).shareWithinTenPercent()).isEqualTo(0.5);
    }

    @Test
    void startsAtTheFirstAsOfWeekAndUsesOnlyWhatWasKnownThen() {
        double[] observed = { 1_000, 100, 100, 110, 120 };

        var scores = Backtest.run(observed, (history, horizon) -> {
            assertThat(history.length).isGreaterThanOrEqualTo(2);
            return LAST_VALUE.forecast(history, horizon);
        }, 1, List.of(1, 2));

        assertThat(scores.get(0).meanAbsolutePercentageError()).isCloseTo((0 + 1 / 11.0 + 1 / 12.0) / 3, within(1e-12));
    }

    @Test
    void aForecastTenPercentOffCountsAsWithinTenPercent() {
        assertThat(Backtest.absolutePercentageError(90, 100)).isCloseTo(0.1, within(1e-15));
        assertThat(Backtest.absolutePercentageError(125, 100)).isEqualTo(0.25);

        var scores = Backtest.run(new double[] { 100, 100 }, (h, n) -> new double[] { 90 }, 0, List.of(1));

        assertThat(scores.get(0).shareWithinTenPercent()).isEqualTo(1.0);
    }

    @Test
    void weeksObservedAtZeroAreLeftOutAndHorizonsBeyondTheDataScoreNothing() {
        var scores = Backtest.run(new double[] { 10, 0, 10 }, LAST_VALUE, 0, List.of(1, 26));

        assertThat(scores.get(0).forecasts()).isEqualTo(1);
        assertThat(scores.get(0).meanAbsolutePercentageError()).isEqualTo(1.0);
        assertThat(scores.get(1).forecasts()).isZero();
        assertThat(scores.get(1).meanAbsolutePercentageError()).isNaN();
    }

    @Test
    void driftCarriesTheMeanWeeklyChangeOfTheLookbackForward() {
        var forecast = Forecaster.drift(2).forecast(new double[] { 0, 100, 110, 120 }, 3);

        assertThat(forecast).containsExactly(130, 140, 150);
    }

    @Test
    void driftLooksBackNoFurtherThanTheHistoryGoes() {
        assertThat(Forecaster.drift(8).forecast(new double[] { 100, 104 }, 2)).containsExactly(108, 112);
        assertThat(Forecaster.drift(8).forecast(new double[] { 100 }, 2)).containsExactly(100, 100);
    }

    @Test
    void driftForecastsAStraightLineWithoutError() {
        var line = new double[60];
        Arrays.setAll(line, week -> 50_000 + 120.0 * week);

        var scores = Backtest.run(line, Forecaster.drift(4), 4);

        assertThat(scores).extracting(HorizonScore::horizon).containsExactly(1, 2, 4, 8, 12, 26);
        assertThat(scores).allSatisfy(score -> {
            assertThat(score.meanAbsolutePercentageError()).isCloseTo(0, within(1e-12));
            assertThat(score.shareWithinTenPercent()).isEqualTo(1.0);
        });
        assertThat(scores.get(0).forecasts()).isEqualTo(55);
        assertThat(scores.get(5).forecasts()).isEqualTo(30);
    }

    @Test
    void theStockFlowForecasterIsTheDeterministicRunFromTheFittedParameters() {
        var parameters = ForecastParameters.nationalExample();

        var forecast = Forecaster.stockFlow(history -> parameters).forecast(new double[] { 1 }, 12);

        var occupancy = StockFlowModel.deterministic(parameters.withHorizonWeeks(12)).occupancy();
        assertThat(forecast).containsExactly(Arrays.copyOfRange(occupancy, 1, 13));
    }
}
