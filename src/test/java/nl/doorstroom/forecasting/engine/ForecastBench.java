package nl.doorstroom.forecasting.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Benchmark (not a test): the Monte Carlo forecast for the nation (10,000 runs of 104 weeks, each standard scenario)
 * and for each of 342 synthetic municipalities (1,000 runs of 52 weeks, parameters scaled by a heavy-tailed
 * population share with a fixed seed), then a backtest of the drift forecaster on a synthetic history. Prints wall
 * time, runs per second and heap; asserts nothing. Run with {@code bench/forecast.sh [nationRuns] [municipalityRuns]}.
 */
public final class ForecastBench {

    static final int MUNICIPALITIES = 342;

    public static void main(String[] args) {
        int nationRuns = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int municipalityRuns = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        var nation = ForecastParameters.nationalExample();
        System.out.printf("Forecast benchmark: %d processors available to the JVM, max heap %d MB; the machine is shared,"
                + " figures are indicative%n", Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        MonteCarlo.run(nation, 2_000, 1);
        MonteCarlo.run(nation.withHorizonWeeks(52).scaledTo(0.01), 1_000, 1);

        long baseline = usedAfterGc();
        resetPeaks();
        long started = System.nanoTime();
        var forecast = MonteCarlo.run(nation, nationRuns, 20261129);
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = peakHeap();
        long retained = usedAfterGc() - baseline;
        System.out.printf("%nNation: %,d runs × %d weeks in %.2f s = %,.0f runs/s; peak heap %d MB (before: %d MB after GC),"
                + " result retained %.1f KB; stock arrays while running ≈ %.1f MB%n", nationRuns, nation.horizonWeeks(),
                seconds, nationRuns / seconds, peak >> 20, baseline >> 20, retained / 1024.0,
                4.0 * 8 * nationRuns * (nation.horizonWeeks() + 1) / (1 << 20));
        printForecast(forecast);

        System.out.printf("%nScenarios (%,d runs each, same seed):%n", nationRuns);
        System.out.printf("  %-28s %8s %8s %10s %10s %8s%n", "scenario", "runway50", "runway90", "P50 wk52", "P50 wk104", "seconds");
        for (var scenario : Scenario.standard(nation)) {
            long t0 = System.nanoTime();
            var result = MonteCarlo.run(scenario.parameters(), nationRuns, 20261129);
            System.out.printf("  %-28s %8s %8s %,10.0f %,10.0f %8.2f%n", scenario.name(), week(result.runwayMedian()),
                    week(result.runwayP90()), result.week(52).occupancy().p50(), result.week(104).occupancy().p50(),
                    (System.nanoTime() - t0) / 1e9);
        }

        var shares = populationShares(new SplittableRandom(342));
        var local = nation.withHorizonWeeks(52);
        baseline = usedAfterGc();
        resetPeaks();
        started = System.nanoTime();
        int runningOut = 0;
        for (double share : shares) {
            var result = MonteCarlo.run(local.scaledTo(share), municipalityRuns, 20261129);
            if (result.runwayMedian().isPresent()) {
                runningOut++;
            }
        }
        seconds = (System.nanoTime() - started) / 1e9;
        long total = (long) MUNICIPALITIES * municipalityRuns;
        System.out.printf("%nMunicipalities: %d × %,d runs × 52 weeks = %,d runs in %.2f s = %,.0f runs/s"
                + " (%.1f ms per municipality); peak heap %d MB (before: %d MB after GC); median runs out within 52 weeks"
                + " in %d municipalities%n", MUNICIPALITIES, municipalityRuns, total, seconds, total / seconds,
                seconds * 1000 / MUNICIPALITIES, peakHeap() >> 20, baseline >> 20, runningOut);

        var history = syntheticHistory(new SplittableRandom(2022));
        System.out.printf("%nBacktest on a synthetic history of %d weeks (rising to about 65,000; labelled synthetic),"
                + " as of week 12 on:%n", history.length);
        for (int lookback : new int[] { 4, 8, 12 }) {
            System.out.printf("  drift over %2d weeks: ", lookback);
            for (var score : Backtest.run(history, Forecaster.drift(lookback), 12)) {
                System.out.printf(" h=%-2d MAPE %5.1f%% within 10%% %5.1f%% (n=%d) |", score.horizon(),
                        100 * score.meanAbsolutePercentageError(), 100 * score.shareWithinTenPercent(), score.forecasts());
            }
            System.out.println();
        }
    }

    static void printForecast(Forecast forecast) {
        System.out.printf("  runway: median above capacity from week %s, P90 from week %s%n",
                week(forecast.runwayMedian()), week(forecast.runwayP90()));
        System.out.printf("  %5s %9s %9s %9s %9s %8s%n", "week", "capacity", "P10", "P50", "P90", "P(over)");
        for (int week : new int[] { 0, 4, 13, 26, 52, 78, 104 }) {
            if (week > forecast.horizonWeeks()) {
                continue;
            }
            var w = forecast.week(week);
            System.out.printf("  %5d %,9.0f %,9.0f %,9.0f %,9.0f %7.1f%%%n", week, w.capacity(), w.occupancy().p10(),
                    w.occupancy().p50(), w.occupancy().p90(), 100 * w.probabilityOverCapacity());
        }
    }

    /** Heavy-tailed shares summing to 1, like municipal populations (a few cities, many small towns). */
    static double[] populationShares(SplittableRandom random) {
        var shares = new double[MUNICIPALITIES];
        double sum = 0;
        for (int i = 0; i < MUNICIPALITIES; i++) {
            shares[i] = Math.exp(10.6 + 0.8 * random.nextGaussian());
            sum += shares[i];
        }
        for (int i = 0; i < MUNICIPALITIES; i++) {
            shares[i] /= sum;
        }
        return shares;
    }

    /** 104 weeks rising from about 45,000 to about 65,000 with a surge, a plateau and weekly noise. */
    static double[] syntheticHistory(SplittableRandom random) {
        var history = new double[104];
        double level = 45_000;
        for (int week = 0; week < history.length; week++) {
            double trend = week < 30 ? 120 : week < 60 ? 320 : week < 80 ? 40 : 150;
            level += trend + 150 * random.nextGaussian();
            history[week] = level;
        }
        return history;
    }

    static String week(OptionalInt week) {
        return week.isPresent() ? String.valueOf(week.getAsInt()) : "never";
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound: pools peak at different moments). */
    static long peakHeap() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    static List<MemoryPoolMXBean> heapPools() {
        var pools = new ArrayList<MemoryPoolMXBean>();
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pools.add(pool);
            }
        }
        return pools;
    }
}
