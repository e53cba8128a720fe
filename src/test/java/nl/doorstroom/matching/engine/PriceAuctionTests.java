package nl.doorstroom.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The auction behind the engine's bound: its prices bound the optimum from above whatever they are, the
 * households it places whole fit, and ties do not turn into price wars (counted in bids, not seconds).
 */
class PriceAuctionTests {

    @Test
    void itsPricesBoundTheOptimumAndWhatItPlacesWholeFits() {
        var random = new Random(7);
        for (int round = 0; round < 200; round++) {
            var instance = LinkingEngineTests.randomInstance(random, 1 + random.nextInt(9), 1 + random.nextInt(3), 3);
            var auction = new PriceAuction(instance, PriceAuction.epsilonFor(instance, 1e-5),
                    PriceAuction.epsilonFor(instance, 1e-2));

            assertThat(auction.run(() -> false)).isTrue();

            assertThat(dual(instance, auction.prices()) + 1e-6).as("round " + round)
                    .isGreaterThanOrEqualTo(LinkingEngineTests.bruteForce(instance));
            long[] used = new long[instance.municipalityCount()];
            int[] whole = auction.whole();
            for (int h = 0; h < instance.householdCount(); h++) {
                if (whole[h] >= 0) {
                    assertThat(instance.score(h, whole[h])).isGreaterThanOrEqualTo(0);
                    used[whole[h]] += instance.persons(h);
                }
            }
            for (int m = 0; m < used.length; m++) {
                assertThat(used[m]).isLessThanOrEqualTo(instance.capacity(m));
            }
        }
    }

    @Test
    void equalScoresDoNotTurnIntoAPriceWar() {
        // Every household scores 100 everywhere it may go, capacity for 80% of the persons: with ε = 1e-5 of the
        // value from the start the prices rise by ε at a time (tens of millions of bids); ε-scaling avoids that.
        var random = new Random(1);
        int households = 5_000;
        int municipalities = 50;
        int[] persons = new int[households];
        long total = 0;
        for (int h = 0; h < households; h++) {
            persons[h] = 1 + random.nextInt(6);
            total += persons[h];
        }
        long[] capacity = new long[municipalities];
        for (int m = 0; m < municipalities; m++) {
            capacity[m] = Math.round(0.8 * total / municipalities);
        }
        var pairs = new ArrayList<LinkingInstance.Pair>();
        for (int h = 0; h < households; h++) {
            var chosen = new java.util.TreeSet<Integer>();
            while (chosen.size() < 10) {
                chosen.add(random.nextInt(municipalities));
            }
            for (int m : chosen) {
                pairs.add(new LinkingInstance.Pair(h, m, 100));
            }
        }
        var instance = LinkingEngineTests.instance(persons, capacity, pairs);
        var auction = new PriceAuction(instance, PriceAuction.epsilonFor(instance, 1e-5),
                PriceAuction.epsilonFor(instance, 1e-2));

        assertThat(auction.run(() -> false)).isTrue();

        assertThat(auction.bids()).isLessThan(2_000_000);
        // The LP fills every municipality with the smallest households, at 100 per person of the last size taken.
        assertThat(dual(instance, auction.prices())).isLessThan(1.001 * lpOfEqualScores(persons, capacity));
    }

    /** Σ λ(m)·capacity(m) + Σ_h max(0, max over usable pairs of score − λ(m)·persons). */
    static double dual(LinkingInstance instance, double[] prices) {
        double value = 0;
        for (int m = 0; m < instance.municipalityCount(); m++) {
            value += prices[m] * instance.capacity(m);
        }
        for (int h = 0; h < instance.householdCount(); h++) {
            double top = 0;
            for (int m = 0; m < instance.municipalityCount(); m++) {
                int score = instance.score(h, m);
                if (score >= 0 && instance.persons(h) <= instance.capacity(m)) {
                    top = Math.max(top, score - prices[m] * instance.persons(h));
                }
            }
            value += top;
        }
        return value;
    }

    /**
     * With one score for every pair and capacity short everywhere, the LP (when every household may go to enough
     * municipalities) takes the persons in order of value per person, 100 / size, until the capacity is used.
     */
    private static double lpOfEqualScores(int[] persons, long[] capacity) {
        long room = 0;
        for (long c : capacity) {
            room += c;
        }
        int[] bySize = new int[7];
        for (int p : persons) {
            bySize[p]++;
        }
        double value = 0;
        for (int size = 1; size <= 6 && room > 0; size++) {
            long take = Math.min(room, (long) bySize[size] * size);
            value += take * 100.0 / size;
            room -= take;
        }
        return value;
    }
}
