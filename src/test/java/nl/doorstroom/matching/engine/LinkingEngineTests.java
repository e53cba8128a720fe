package nl.doorstroom.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The engine on small instances with optima known by exhaustive search, and seeded random instances
 * (the properties every solution must have, whatever its quality).
 */
class LinkingEngineTests {

    @Test
    void aKnownSmallInstanceReachesItsOptimum() {
        // Two municipalities of 4 persons: the family of 3 with the single in the first (10 + 5), the two
        // couples in the second (6 + 7); the family in the second instead would leave one couple out.
        var instance = instance(new int[] { 3, 1, 2, 2 }, new long[] { 4, 4 }, List.of(
                new LinkingInstance.Pair(0, 0, 10), new LinkingInstance.Pair(0, 1, 9),
                new LinkingInstance.Pair(1, 0, 5), new LinkingInstance.Pair(2, 0, 6), new LinkingInstance.Pair(2, 1, 6),
                new LinkingInstance.Pair(3, 1, 7)));

        var solution = LinkingEngine.solve(instance, 1);

        assertThat(solution.objective()).isEqualTo(bruteForce(instance)).isEqualTo(10 + 5 + 6 + 7);
        assertThat(solution.bound()).isEqualTo(solution.objective());
        assertValid(instance, solution);
    }

    @Test
    void smallRandomInstancesAreSolvedToTheirOptimum() {
        var random = new Random(5);
        for (int round = 0; round < 200; round++) {
            var instance = randomInstance(random, 1 + random.nextInt(9), 1 + random.nextInt(3), 3);

            var solution = LinkingEngine.solve(instance, 1);

            assertValid(instance, solution);
            assertThat(solution.objective()).as("round " + round).isEqualTo(bruteForce(instance));
        }
    }

    @Test
    void theHeuristicNeverBeatsTheOptimumAndItsBoundNeverFallsBelowIt() {
        var random = new Random(11);
        for (int round = 0; round < 15; round++) {
            var instance = randomInstance(random, LinkingEngine.EXACT_LIMIT + 1 + random.nextInt(2), 3, 2);
            long optimum = bruteForce(instance);

            var solution = LinkingEngine.solve(instance, 0.2);

            assertValid(instance, solution);
            assertThat(solution.objective()).isLessThanOrEqualTo(optimum);
            assertThat(solution.bound()).as("round " + round).isGreaterThanOrEqualTo(optimum);
        }
    }

    @Test
    void largerRandomInstancesGiveValidSolutionsUnderTheirBound() {
        var random = new Random(23);
        for (int round = 0; round < 10; round++) {
            var instance = randomInstance(random, 50 + random.nextInt(400), 5 + random.nextInt(20), 6);

            var solution = LinkingEngine.solve(instance, 0.3);

            assertValid(instance, solution);
        }
    }

    @Test
    void aCancelledRunReturnsTheBestSolutionSoFar() {
        var instance = randomInstance(new Random(3), 2_000, 40, 8);

        var solution = LinkingEngine.solve(instance, 60, () -> true, null);

        assertValid(instance, solution);
        assertThat(solution.seconds()).isLessThan(60);
    }

    /** Never over capacity, only allowed pairs, each household at most once, the objective their sum, ≤ the bound. */
    static void assertValid(LinkingInstance instance, LinkingSolution solution) {
        long[] used = new long[instance.municipalityCount()];
        long total = 0;
        int linked = 0;
        long persons = 0;
        assertThat(solution.assignment()).hasSize(instance.householdCount());
        for (int h = 0; h < instance.householdCount(); h++) {
            int m = solution.assignment()[h];
            if (m < 0) {
                continue;
            }
            assertThat(instance.score(h, m)).as("pair %d-%d is allowed", h, m).isGreaterThanOrEqualTo(0);
            used[m] += instance.persons(h);
            total += instance.score(h, m);
            linked++;
            persons += instance.persons(h);
        }
        for (int m = 0; m < instance.municipalityCount(); m++) {
            assertThat(used[m]).as("municipality %d within capacity", m).isLessThanOrEqualTo(instance.capacity(m));
        }
        assertThat(solution.objective()).isEqualTo(total);
        assertThat(solution.bound()).isGreaterThanOrEqualTo(solution.objective());
        assertThat(solution.linkedHouseholds()).isEqualTo(linked);
        assertThat(solution.linkedPersons()).isEqualTo(persons);
        assertThat(solution.overflowPersons()).isZero();
    }

    static LinkingInstance randomInstance(Random random, int households, int municipalities, int pairsEach) {
        int[] persons = IntStream.range(0, households).map(h -> 1 + (random.nextInt(3) == 0 ? random.nextInt(6) : 0))
                .toArray();
        int total = IntStream.of(persons).sum();
        long[] capacity = new long[municipalities];
        for (int m = 0; m < municipalities; m++) {
            capacity[m] = random.nextInt(1 + 2 * total / municipalities);
        }
        var pairs = new ArrayList<LinkingInstance.Pair>();
        for (int h = 0; h < households; h++) {
            var chosen = new java.util.TreeSet<Integer>();
            int count = 1 + random.nextInt(Math.min(pairsEach, municipalities));
            while (chosen.size() < count) {
                chosen.add(random.nextInt(municipalities));
            }
            for (int m : chosen) {
                pairs.add(new LinkingInstance.Pair(h, m, random.nextInt(100)));
            }
        }
        return instance(persons, capacity, pairs);
    }

    static LinkingInstance instance(int[] persons, long[] capacity, List<LinkingInstance.Pair> pairs) {
        return new LinkingInstance(IntStream.range(0, persons.length).mapToObj(h -> "H" + h).toList(), persons,
                IntStream.range(0, capacity.length).mapToObj(m -> "M" + m).toList(), capacity, pairs);
    }

    /** Every assignment tried, without pruning: the optimum by definition. */
    static long bruteForce(LinkingInstance instance) {
        return tryAll(instance, 0, new long[instance.municipalityCount()]);
    }

    private static long tryAll(LinkingInstance instance, int h, long[] used) {
        if (h == instance.householdCount()) {
            return 0;
        }
        long best = tryAll(instance, h + 1, used);
        for (int m = 0; m < instance.municipalityCount(); m++) {
            int score = instance.score(h, m);
            if (score >= 0 && used[m] + instance.persons(h) <= instance.capacity(m)) {
                used[m] += instance.persons(h);
                best = Math.max(best, score + tryAll(instance, h + 1, used));
                used[m] -= instance.persons(h);
            }
        }
        return best;
    }
}
