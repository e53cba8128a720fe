package nl.doorstroom.housingmarket.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Benchmark (not a test): the needed share of 342 municipalities (as the nation-wide table computes it) and a full
 * comparison of four shares with sensitivity, on seeded synthetic inputs the size of real municipalities. Prints the
 * median and p90 of 30 repetitions after 10 warm-ups. Run with {@code bench/allocation.sh}.
 */
public final class AllocationBenchmark {

    private AllocationBenchmark() {
    }

    public static void main(String[] args) {
        var random = new Random(342);
        var inputs = new ArrayList<SimulationInput>();
        for (int i = 0; i < 342; i++) {
            var input = AllocationSimulatorTests.randomInput(random);
            inputs.add(input.withWeeks(26).withShare(input.currentShare()));
        }
        inputs.replaceAll(input -> new SimulationInput(26, input.vacanciesPerWeek(), input.extraHomesPerWeek(),
                input.share(), input.currentShare(), input.awaiting(), input.newLinksPerWeek(), input.correctedQuota(),
                input.housedSoFar(), 26, input.seekersWaiting(), input.seekerArrivalsPerWeek()));
        report("needed share, 342 municipalities, 26 weeks", () -> {
            for (var input : inputs) {
                NeededShare.of(input);
            }
        });
        var nation = inputs.get(0).withWeeks(104);
        report("comparison of 4 shares + needed share + sensitivity, 104 weeks",
                () -> Comparison.of(nation, List.of(0.1, 0.2, 0.3, 0.4)));
    }

    private static void report(String name, Runnable work) {
        for (int i = 0; i < 10; i++) {
            work.run();
        }
        var times = new double[30];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        System.out.printf("%-70s median %8.2f ms   p90 %8.2f ms%n", name, times[times.length / 2],
                times[(int) Math.ceil(times.length * 0.9) - 1]);
    }
}
