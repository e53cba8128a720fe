package nl.doorstroom.matching.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Benchmark (not a test; run by bench/linking.sh): a synthetic instance with a fixed seed (by default
 * 20,000 households of 1 to 6 persons, 342 municipalities with capacities by population share summing
 * to 105% of the persons, about 45 allowed pairs per household), solved by a greedy baseline and by the
 * engine, beside the engine's proven bound, and by OR-Tools CP-SAT on the same instance.
 * Arguments: [households=20000] [seconds=10] [CP-SAT seconds=60, 0 to leave it out].
 */
public final class LinkingEngineBench {

    public static void main(String[] args) {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        double cpSatSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 60;
        long generating = System.nanoTime();
        var instance = generate(new Random(20261128), households, 342, 45);
        System.out.printf("instance: %,d households, %,d municipalities, %,d pairs (generated in %.1f s)%n",
                instance.householdCount(), instance.municipalityCount(), instance.pairCount(),
                (System.nanoTime() - generating) / 1e9);
        long greedyStart = System.nanoTime();
        long greedy = greedy(instance);
        double greedySeconds = (System.nanoTime() - greedyStart) / 1e9;
        var solution = LinkingEngine.solve(instance, seconds);
        System.out.printf("greedy (input order, best pair with room): objective=%d (%.2f%% of bound) in %.2f s%n", greedy,
                100.0 * greedy / solution.bound(), greedySeconds);
        System.out.printf("engine %.0f s: objective=%d (%.3f%% of bound)%n", seconds, solution.objective(),
                100.0 * solution.objective() / solution.bound());
        System.out.println(solution.summary());
        if (cpSatSeconds > 0) {
            var cpSat = CpSatBench.solve(instance, cpSatSeconds, 2);
            System.out.printf("OR-Tools CP-SAT %.0f s (2 workers): objective=%d (%.3f%% of the engine's bound), its own bound=%d, "
                    + "status %s, %.1f s in all%n", cpSatSeconds, cpSat.objective(),
                    100.0 * cpSat.objective() / solution.bound(), cpSat.bound(), cpSat.status(), cpSat.seconds());
        }
    }

    /** Each household in input order to its best-scoring municipality that still has room. */
    static long greedy(LinkingInstance instance) {
        long[] room = new long[instance.municipalityCount()];
        for (int m = 0; m < room.length; m++) {
            room[m] = instance.capacity(m);
        }
        long total = 0;
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
            }
        }
        return total;
    }

    static LinkingInstance generate(Random random, int households, int municipalities, int pairsEach) {
        int[] persons = new int[households];
        long total = 0;
        for (int h = 0; h < households; h++) {
            // About half singles; larger families rarer.
            persons[h] = random.nextDouble() < 0.5 ? 1 : 2 + (int) Math.min(4, Math.floor(-Math.log(random.nextDouble()) * 1.3));
            total += persons[h];
        }
        // Population shares: heavy-tailed, as Dutch municipalities (a few large cities, many small towns).
        double[] share = new double[municipalities];
        double sum = 0;
        for (int m = 0; m < municipalities; m++) {
            share[m] = Math.exp(random.nextGaussian() * 0.9);
            sum += share[m];
        }
        long[] capacity = new long[municipalities];
        for (int m = 0; m < municipalities; m++) {
            capacity[m] = Math.round(1.05 * total * share[m] / sum);
        }
        var pairs = new ArrayList<LinkingInstance.Pair>(households * pairsEach);
        for (int h = 0; h < households; h++) {
            var chosen = new java.util.TreeSet<Integer>();
            int count = Math.max(1, pairsEach - 10 + random.nextInt(21));
            while (chosen.size() < count) {
                chosen.add(random.nextInt(municipalities));
            }
            int waiting = random.nextInt(40);
            for (int m : chosen) {
                pairs.add(new LinkingInstance.Pair(h, m, waiting + random.nextInt(60)));
            }
        }
        return new LinkingInstance(IntStream.range(0, households).mapToObj(h -> "H" + h).toList(), persons,
                IntStream.range(0, municipalities).mapToObj(m -> "GM" + m).toList(), capacity, List.copyOf(pairs));
    }
}
