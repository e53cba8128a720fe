package nl.doorstroom.matching.engine;

import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark (not a test; run by bench/linking.sh): the synthetic instance of {@link SyntheticLinkingInstance}
 * (by default 20,000 households of 1 to 6 persons, 342 municipalities with capacities by population share
 * summing to 105% of the persons, about 45 allowed pairs per household, fixed seed), solved side by side by two
 * greedy baselines, the engine, and OR-Tools CP-SAT, each as a share of the exact LP bound. The LP bound is
 * solved exactly by min-cost flow ({@link LpBound}); the engine's own bound (its Lagrangian dual at its
 * auction prices) is printed beside it, and on request GLOP solves the LP as written, as a check of the
 * min-cost flow (about 1 to 2 minutes at 20,000 households on 2 cores).
 * Arguments: [households=20000] [seconds=10] [CP-SAT seconds=60, 0 to leave it out] [1 for the GLOP check].
 */
public final class LinkingEngineBench {

    public static void main(String[] args) {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        double cpSatSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 60;
        boolean glop = args.length > 3 && args[3].equals("1");
        long generating = System.nanoTime();
        var instance = SyntheticLinkingInstance.generate(households);
        long persons = 0;
        long capacity = 0;
        for (int h = 0; h < instance.householdCount(); h++) {
            persons += instance.persons(h);
        }
        for (int m = 0; m < instance.municipalityCount(); m++) {
            capacity += instance.capacity(m);
        }
        print("instance: %,d households (%,d persons), %,d municipalities (capacity %,d persons), %,d pairs, "
                + "seed %d (generated in %.1f s)", instance.householdCount(), persons, instance.municipalityCount(),
                capacity, instance.pairCount(), SyntheticLinkingInstance.SEED, (System.nanoTime() - generating) / 1e9);

        var lp = LpBound.byMinCostFlow(instance);
        double bound = lp.value();
        print("LP bound: %.2f (%s, %.1f s); every solution scores at most %d", bound, lp.method(), lp.seconds(),
                lp.floor());

        long started = System.nanoTime();
        int[] greedy = greedyByScore(instance);
        long greedyObjective = objective(instance, greedy);
        print("greedy, highest score first, into any municipality with room: objective=%d (%.2f%% of LP bound), "
                + "%,d households linked, %.2f s", greedyObjective, percent(greedyObjective, bound),
                Arrays.stream(greedy).filter(m -> m >= 0).count(), (System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        var inOrder = greedyInOrder(instance);
        print("greedy, households in input order, each to its best pair with room: objective=%d (%.2f%% of LP "
                + "bound), %,d households linked, %.2f s", inOrder[0], percent(inOrder[0], bound), inOrder[1],
                (System.nanoTime() - started) / 1e9);

        double[] reached = { Double.NaN, Double.NaN };
        var solution = LinkingEngine.solve(instance, seconds, null, (objective, engineBound, elapsed) -> {
            if (Double.isNaN(reached[0]) && objective >= 0.99 * bound) {
                reached[0] = elapsed;
            }
            if (Double.isNaN(reached[1]) && objective >= 0.995 * bound) {
                reached[1] = elapsed;
            }
        });
        print("engine %.0f s: objective=%d (%.3f%% of LP bound) in %.2f s, overflow %d persons; reached 99%% at %.2f s, "
                + "99.5%% at %.2f s; its own Lagrangian bound %d (%.3f%% of LP bound)", seconds, solution.objective(),
                percent(solution.objective(), bound), solution.seconds(), solution.overflowPersons(), reached[0],
                reached[1], solution.bound(), percent(solution.bound(), bound));
        System.out.println(solution.summary());

        if (cpSatSeconds > 0) {
            // Hinted with the greedy's solution, so that any solution it returns is at least as good (see CpSatBench).
            var cpSat = CpSatBench.solve(instance, cpSatSeconds, 2, greedy);
            print("OR-Tools CP-SAT %.0f s (2 workers, hinted with the greedy's solution): %s, its own bound=%d, "
                    + "status %s, %.1f s in all", cpSatSeconds, cpSat.objective() < 0 ? "no solution"
                            : String.format(Locale.ROOT, "objective=%d (%.3f%% of LP bound, %+.3f%% on the greedy)",
                                    cpSat.objective(), percent(cpSat.objective(), bound),
                                    percent(cpSat.objective() - greedyObjective, bound)),
                    cpSat.bound(), cpSat.status(), cpSat.seconds());
        }
        if (glop) {
            var check = LpBound.byGlop(instance, 600);
            print("check: %s %.2f (%.1f s), %s the min-cost flow's", check.method(), check.value(), check.seconds(),
                    Math.abs(check.value() - bound) <= 1e-6 * Math.max(1, bound) ? "equal to" : "DIFFERENT FROM");
        }
    }

    private static void print(String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, format, values));
    }

    private static double percent(long value, double of) {
        return 100.0 * value / of;
    }

    /**
     * The plain greedy of the issue: all pairs from the highest score down, each taken when its household is
     * not linked yet and its municipality still has room. Returns each household's municipality or -1.
     */
    static int[] greedyByScore(LinkingInstance instance) {
        int[] owner = new int[instance.pairCount()];
        long[] keys = new long[instance.pairCount()];
        for (int h = 0; h < instance.householdCount(); h++) {
            for (int pair = instance.firstPair(h); pair < instance.endPair(h); pair++) {
                owner[pair] = h;
                keys[pair] = ((long) instance.pairScore(pair) << 32) | pair;
            }
        }
        Arrays.sort(keys);
        long[] room = new long[instance.municipalityCount()];
        for (int m = 0; m < room.length; m++) {
            room[m] = instance.capacity(m);
        }
        int[] assignment = new int[instance.householdCount()];
        Arrays.fill(assignment, -1);
        for (int i = keys.length - 1; i >= 0; i--) {
            int pair = (int) keys[i];
            int h = owner[pair];
            int m = instance.pairMunicipality(pair);
            if (assignment[h] < 0 && room[m] >= instance.persons(h)) {
                room[m] -= instance.persons(h);
                assignment[h] = m;
            }
        }
        return assignment;
    }

    private static long objective(LinkingInstance instance, int[] assignment) {
        long total = 0;
        for (int h = 0; h < assignment.length; h++) {
            if (assignment[h] >= 0) {
                total += instance.score(h, assignment[h]);
            }
        }
        return total;
    }

    /** Each household in input order to its best-scoring municipality that still has room. */
    static long[] greedyInOrder(LinkingInstance instance) {
        long[] room = new long[instance.municipalityCount()];
        for (int m = 0; m < room.length; m++) {
            room[m] = instance.capacity(m);
        }
        long total = 0;
        long count = 0;
        for (int h = 0; h < instance.householdCount(); h++) {
            int best = -1;
            int score = -1;
            for (int pair = instance.firstPair(h); pair < instance.endPair(h); pair++) {
                int m = instance.pairMunicipality(pair);
                if (room[m] >= instance.persons(h) && instance.pairScore(pair) > score) {
                    score = instance.pairScore(pair);
                    best = m;
                }
            }
            if (best >= 0) {
                room[best] -= instance.persons(h);
                total += score;
                count++;
            }
        }
        return new long[] { total, count };
    }
}
