package nl.doorstroom.forecasting.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * Runs the {@link StockFlowModel} many times with parameters drawn from their distributions and summarises each
 * week as bands and the probability of exceeding capacity.
 * <p>
 * Reproducible: run i uses a {@link SplittableRandom} seeded with the i-th number from a generator seeded with the
 * master seed, so the result does not depend on how the runs are spread over threads. Runs are independent and
 * run in parallel on the common fork-join pool; to use fewer threads, call {@code run} from a task submitted to a
 * {@link java.util.concurrent.ForkJoinPool} of your own, whose workers the parallel stream then uses.
 * <p>
 * Memory: only the four stocks of each run are kept, as primitive arrays {@code double[runs][weeks + 1]}:
 * 4 × 8 bytes × runs × (weeks + 1), about 34 MB for 10,000 runs of 104 weeks and 1.7 MB for 1,000 runs of 52
 * weeks, plus one short-lived {@link Trajectory} per run in flight and a column of {@code runs} doubles per week
 * being summarised.
 */
public final class MonteCarlo {

    private static final int STOCKS = 4;
    private static final int OCCUPANCY = 0;
    private static final int IN_PROCEDURE = 1;
    private static final int PERMIT_HOLDERS = 2;
    private static final int REFUSED = 3;

    private MonteCarlo() {
    }

    public static Forecast run(ForecastParameters parameters, int runs, long seed) {
        return run(parameters, runs, seed, ProgressListener.NONE, () -> false);
    }

    /**
     * @param progress told after about every hundredth of the runs, and at the end
     * @param cancelled asked before each run; once it answers true no new run starts
     * @throws CancellationException when cancelled before all runs were done
     */
    public static Forecast run(ForecastParameters parameters, int runs, long seed, ProgressListener progress,
            BooleanSupplier cancelled) {
        if (runs < 1) {
            throw new IllegalArgumentException("at least one run");
        }
        int weeks = parameters.horizonWeeks();
        var seeds = new SplittableRandom(seed).longs(runs).toArray();
        var stocks = new double[STOCKS][runs][];
        var done = new AtomicInteger();
        int step = Math.max(1, runs / 100);
        IntStream.range(0, runs).parallel().forEach(run -> {
            if (cancelled.getAsBoolean()) {
                return;
            }
            var trajectory = StockFlowModel.simulate(parameters, seeds[run]);
            stocks[OCCUPANCY][run] = trajectory.occupancy();
            stocks[IN_PROCEDURE][run] = trajectory.inProcedure();
            stocks[PERMIT_HOLDERS][run] = trajectory.permitHolders();
            stocks[REFUSED][run] = trajectory.refused();
            int finished = done.incrementAndGet();
            if (finished % step == 0 || finished == runs) {
                progress.progressed(finished, runs);
            }
        });
        if (done.get() < runs) {
            throw new CancellationException("cancelled after %d of %d runs".formatted(done.get(), runs));
        }
        var capacities = parameters.capacity().capacities(weeks);
        var summaries = IntStream.rangeClosed(0, weeks).parallel()
                .mapToObj(week -> summarise(week, capacities[week], stocks))
                .toList();
        return Forecast.of(runs, seed, new ArrayList<>(summaries));
    }

    private static WeekForecast summarise(int week, double capacity, double[][][] stocks) {
        int runs = stocks[OCCUPANCY].length;
        var column = new double[runs];
        var bands = new Band[STOCKS];
        int over = 0;
        for (int stock = 0; stock < STOCKS; stock++) {
            for (int run = 0; run < runs; run++) {
                column[run] = stocks[stock][run][week];
                if (stock == OCCUPANCY && column[run] > capacity) {
                    over++;
                }
            }
            bands[stock] = band(column);
        }
        return new WeekForecast(week, capacity, bands[OCCUPANCY], bands[IN_PROCEDURE], bands[PERMIT_HOLDERS],
                bands[REFUSED], (double) over / runs);
    }

    /** Sorts {@code values} in place and returns their band. */
    static Band band(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        Arrays.sort(values);
        return new Band(percentile(values, 0.10), percentile(values, 0.50), percentile(values, 0.90),
                sum / values.length);
    }

    /**
     * The percentile of sorted values by linear interpolation between closest ranks (Hyndman and Fan's type 7, the
     * default of R and NumPy): position (n − 1)·p.
     */
    static double percentile(double[] sorted, double p) {
        double position = (sorted.length - 1) * p;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
