package nl.doorstroom.forecasting.engine;

import java.util.function.Function;

/** Forecasts weekly occupancy from the weeks observed so far; what a {@link Backtest} puts to the test. */
@FunctionalInterface
public interface Forecaster {

    /**
     * @param history observed occupancy, one entry per week, the last being the "as of" week
     * @param horizon how many weeks ahead to forecast
     * @return the forecast for the {@code horizon} weeks after the last observed one (index h − 1 is h weeks ahead)
     */
    double[] forecast(double[] history, int horizon);

    /**
     * The last observed occupancy carried forward with the mean weekly net change over the last
     * {@code lookbackWeeks} weeks (fewer when the history is shorter): ŷ(a + h) = y(a) + h · (y(a) − y(a − K)) / K.
     */
    static Forecaster drift(int lookbackWeeks) {
        if (lookbackWeeks < 1) {
            throw new IllegalArgumentException("look back at least one week");
        }
        return (history, horizon) -> {
            int last = history.length - 1;
            int k = Math.min(lookbackWeeks, last);
            double change = k == 0 ? 0 : (history[last] - history[last - k]) / k;
            var forecast = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                forecast[h - 1] = history[last] + h * change;
            }
            return forecast;
        };
    }

    /**
     * The deterministic {@link StockFlowModel} run from parameters that {@code fit} derives from the history (for
     * when the flows behind the occupancy are known, e.g. from COA's and the IND's figures).
     */
    static Forecaster stockFlow(Function<double[], ForecastParameters> fit) {
        return (history, horizon) -> {
            var occupancy = StockFlowModel.deterministic(fit.apply(history).withHorizonWeeks(horizon)).occupancy();
            var forecast = new double[horizon];
            System.arraycopy(occupancy, 1, forecast, 0, horizon);
            return forecast;
        };
    }
}
