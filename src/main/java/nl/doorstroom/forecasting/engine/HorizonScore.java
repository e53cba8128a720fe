package nl.doorstroom.forecasting.engine;

/**
 * How forecasts {@code horizon} weeks ahead fared over all "as of" weeks of a {@link Backtest}.
 *
 * @param forecasts how many forecasts were compared (weeks whose observed occupancy is 0 are left out)
 * @param meanAbsolutePercentageError mean of |forecast − observed| / observed, as a fraction (0.05 is 5%); NaN
 *        when nothing was compared
 * @param shareWithinTenPercent share of forecasts with an absolute percentage error of at most 10%; the
 *        humanitarian benchmark is "more than half within 10%"
 */
public record HorizonScore(int horizon, int forecasts, double meanAbsolutePercentageError,
        double shareWithinTenPercent) {
}
