package nl.doorstroom.forecasting.engine;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Puts a {@link Forecaster} to the test on an observed weekly occupancy series: for every "as of" week from
 * {@code firstAsOf} on, it forecasts from the weeks up to and including that week only, and compares each horizon's
 * forecast with what was observed later.
 */
public final class Backtest {

    /** The horizons the page shows: 1, 2, 4, 8, 12 and 26 weeks ahead. */
    public static final List<Integer> STANDARD_HORIZONS = List.of(1, 2, 4, 8, 12, 26);

    /** The humanitarian benchmark's tolerance: a forecast within 10% of what happened. */
    public static final double TOLERANCE = 0.10;

    private Backtest() {
    }

    public static List<HorizonScore> run(double[] observed, Forecaster forecaster, int firstAsOf) {
        return run(observed, forecaster, firstAsOf, STANDARD_HORIZONS);
    }

    /**
     * @param firstAsOf index of the first "as of" week (0 is the first observed week); the last is the week before
     *        the last observed one
     */
    public static List<HorizonScore> run(double[] observed, Forecaster forecaster, int firstAsOf,
            List<Integer> horizons) {
        if (firstAsOf < 0) {
            throw new IllegalArgumentException("the first as-of week is 0 or later");
        }
        int maxHorizon = horizons.stream().mapToInt(Integer::intValue).max().orElse(0);
        int count = horizons.size();
        var errorSums = new double[count];
        var within = new int[count];
        var compared = new int[count];
        for (int asOf = firstAsOf; asOf < observed.length - 1; asOf++) {
            int ahead = Math.min(maxHorizon, observed.length - 1 - asOf);
            var forecast = forecaster.forecast(Arrays.copyOf(observed, asOf + 1), ahead);
            for (int i = 0; i < count; i++) {
                int horizon = horizons.get(i);
                if (horizon > ahead || observed[asOf + horizon] == 0) {
                    continue;
                }
                double error = absolutePercentageError(forecast[horizon - 1], observed[asOf + horizon]);
                errorSums[i] += error;
                compared[i]++;
                if (error <= TOLERANCE) {
                    within[i]++;
                }
            }
        }
        return IntStream.range(0, count)
                .mapToObj(i -> new HorizonScore(horizons.get(i), compared[i],
                        compared[i] == 0 ? Double.NaN : errorSums[i] / compared[i],
                        compared[i] == 0 ? Double.NaN : (double) within[i] / compared[i]))
                .toList();
    }

    /** |forecast − actual| / |actual|, as a fraction. */
    public static double absolutePercentageError(double forecast, double actual) {
        return Math.abs(forecast - actual) / Math.abs(actual);
    }
}
