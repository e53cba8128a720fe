package nl.doorstroom.quota;

import static nl.doorstroom.quota.ApportionmentMethod.DHONDT;
import static nl.doorstroom.quota.ApportionmentMethod.LARGEST_REMAINDER;
import static nl.doorstroom.quota.ApportionmentMethod.ROUND_UP;
import static nl.doorstroom.quota.ApportionmentMethod.SAINTE_LAGUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.constant;
import static org.quicktheories.generators.Generate.enumValues;
import static org.quicktheories.generators.Generate.intArrays;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.Generate.range;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Properties of the apportionment methods and distribution keys over random populations of 1 to 400
 * units with weights from 0 to 2,000,000 (at least one positive) and totals from 0 to 100,000. The seed
 * is fixed so that every run checks the same cases; QuickTheories prints a failing case, shrunk.
 */
class ApportionmentPropertyTests {

    static final List<ApportionmentMethod> DIVISOR_METHODS = List.of(SAINTE_LAGUE, DHONDT);

    static QuickTheory theory() {
        return qt().withFixedSeed(20_240_201L).withExamples(400);
    }

    /**
     * Weights spread over the whole range; with many zeros; or from 0 to 3, so that equal remainders and
     * equal quotients (the tie-breaking) come up all the time.
     */
    static Gen<long[]> populations() {
        var sizes = range(1, 400);
        var spread = intArrays(sizes, range(0, 2_000_000));
        var sparse = intArrays(sizes, range(0, 2_000_000).mix(constant(0), 60));
        var tied = intArrays(sizes, range(0, 3));
        return spread.mix(sparse, 30).mix(tied, 30)
                .map(ints -> Arrays.stream(ints).asLongStream().toArray())
                .assuming(weights -> Arrays.stream(weights).anyMatch(w -> w > 0))
                .describedAs(Arrays::toString);
    }

    static Gen<Long> totals() {
        return range(0, 100_000).map(Integer::longValue);
    }

    static long sum(long[] values) {
        return Arrays.stream(values).sum();
    }

    @Test
    void roundUpNeverGivesAUnitLessThanItsExactShare() {
        theory().forAll(populations(), totals()).checkAssert((weights, total) -> {
            var quotas = ROUND_UP.apportion(total, weights);

            long all = sum(weights);
            for (int i = 0; i < weights.length; i++) {
                assertThat(Math.multiplyExact(quotas[i], all)).isGreaterThanOrEqualTo(Math.multiplyExact(total, weights[i]));
            }
        });
    }

    @Test
    void roundUpExceedsTheTotalByLessThanTheNumberOfUnitsWithWeight() {
        theory().forAll(populations(), totals()).checkAssert((weights, total) -> {
            var quotas = ROUND_UP.apportion(total, weights);

            long withWeight = Arrays.stream(weights).filter(w -> w > 0).count();
            assertThat(sum(quotas) - total).isGreaterThanOrEqualTo(0).isLessThan(withWeight);
        });
    }

    @Test
    void largestRemainderSumsToTheTotalAndRoundsEachShareDownOrUp() {
        theory().forAll(populations(), totals()).checkAssert((weights, total) -> {
            var seats = LARGEST_REMAINDER.apportion(total, weights);

            long all = sum(weights);
            assertThat(sum(seats)).isEqualTo(total);
            for (int i = 0; i < weights.length; i++) {
                // |a_i - total × w_i / W| < 1, multiplied by W.
                assertThat(Math.abs(seats[i] * all - total * weights[i])).isLessThan(all);
            }
        });
    }

    @Test
    void largestRemainderGivesTheUnitsLeftByRemainderThenWeightThenIndex() {
        theory().forAll(populations(), totals()).checkAssert((weights, total) -> {
            var seats = LARGEST_REMAINDER.apportion(total, weights);

            long all = sum(weights);
            for (int up = 0; up < weights.length; up++) {
                if (seats[up] * all <= total * weights[up]) {
                    continue;
                }
                for (int passed = 0; passed < weights.length; passed++) {
                    if (seats[passed] * all < total * weights[passed]) {
                        long upRemainder = total * weights[up] % all;
                        long passedRemainder = total * weights[passed] % all;
                        boolean goesFirst = upRemainder > passedRemainder
                                || upRemainder == passedRemainder && (weights[up] > weights[passed]
                                        || weights[up] == weights[passed] && up < passed);
                        assertThat(goesFirst).as("unit %d rounded up before unit %d", up, passed).isTrue();
                    }
                }
            }
        });
    }

    @Test
    void divisorMethodsSumToTheTotal() {
        theory().forAll(populations(), totals(), pick(DIVISOR_METHODS)).checkAssert((weights, total, method) -> {
            var seats = method.apportion(total, weights);

            assertThat(sum(seats)).isEqualTo(total);
        });
    }

    @Test
    void divisorMethodsNeverGiveAUnitLessWhenTheTotalGrowsByOne() {
        theory().forAll(populations(), totals(), pick(DIVISOR_METHODS)).checkAssert((weights, total, method) -> {
            var before = method.apportion(total, weights);
            var after = method.apportion(total + 1, weights);

            for (int i = 0; i < weights.length; i++) {
                assertThat(after[i]).isGreaterThanOrEqualTo(before[i]);
            }
            assertThat(Apportionments.alabamaParadox(method, total, total + 1, weights)).isEmpty();
        });
    }

    @Test
    void divisorMethodsNeverGiveAUnitLessWhenTheTotalGrowsBySeveral() {
        theory().forAll(populations(), totals(), range(2, 5_000), pick(DIVISOR_METHODS))
                .checkAssert((weights, total, growth, method) -> {
                    var before = method.apportion(total, weights);
                    var after = method.apportion(total + growth, weights);

                    for (int i = 0; i < weights.length; i++) {
                        assertThat(after[i]).isGreaterThanOrEqualTo(before[i]);
                    }
                });
    }

    @Test
    void divisorMethodsGiveEachUnitToTheLargestQuotientOneByOne() {
        var fewUnits = intArrays(range(1, 40), range(0, 2_000_000)).mix(intArrays(range(1, 40), range(0, 5)), 50)
                .map(ints -> Arrays.stream(ints).asLongStream().toArray())
                .assuming(weights -> Arrays.stream(weights).anyMatch(w -> w > 0))
                .describedAs(Arrays::toString);

        qt().withFixedSeed(20_240_201L).withExamples(300)
                .forAll(fewUnits, range(0, 300), pick(DIVISOR_METHODS)).checkAssert((weights, total, method) -> {
                    var seats = method.apportion(total, weights);

                    assertThat(seats).containsExactly(seatBySeat(total, weights, method == SAINTE_LAGUE));
                });
    }

    @Test
    void everyMethodGivesNothingToAUnitWithoutWeight() {
        theory().forAll(populations(), totals(), enumValues(ApportionmentMethod.class)).checkAssert((weights, total, method) -> {
            var seats = method.apportion(total, weights);

            for (int i = 0; i < weights.length; i++) {
                if (weights[i] == 0) {
                    assertThat(seats[i]).isZero();
                }
            }
        });
    }

    @Test
    void bigIntegerAndLongWeightsGiveTheSameApportionment() {
        theory().forAll(populations(), totals(), enumValues(ApportionmentMethod.class)).checkAssert((weights, total, method) -> {
            var big = Arrays.stream(weights).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new);

            var fromLongs = method.apportion(total, weights);
            var fromBigIntegers = method.apportion(total, big);

            assertThat(fromBigIntegers).containsExactly(fromLongs);
        });
    }

    @Test
    void singleTermKeyWeightsAreProportionalToTheIndicator() {
        var decimals = intArrays(range(1, 400), range(0, 2_000_000)).zip(range(-2, 6), (ints, scale) -> {
            var values = new BigDecimal[ints.length];
            for (int i = 0; i < ints.length; i++) {
                // Each value its own scale: 1234 as 12.34, 1.234, 1234E+2, ...
                values[i] = BigDecimal.valueOf(ints[i], Math.floorMod(scale + i, 8) - 2);
            }
            return values;
        }).assuming(values -> Arrays.stream(values).anyMatch(v -> v.signum() > 0)).describedAs(Arrays::toString);

        theory().forAll(decimals).checkAssert(values -> {
            var weights = DistributionKey.population().weights(Map.of("population", values), values.length);

            int reference = 0;
            while (values[reference].signum() == 0) {
                reference++;
            }
            for (int i = 0; i < values.length; i++) {
                var left = new BigDecimal(weights[i]).multiply(values[reference]);
                var right = new BigDecimal(weights[reference]).multiply(values[i]);
                assertThat(left.compareTo(right)).as("unit %d against unit %d", i, reference).isZero();
            }
            assertThat(Arrays.stream(weights).reduce(BigInteger.ZERO, BigInteger::gcd)).isEqualTo(BigInteger.ONE);
        });
    }

    @Test
    void koenigsteinWeightsAreTheKeyValuesExactly() {
        var indicators = intArrays(range(1, 200), range(1, 2_000_000));

        theory().forAll(indicators, indicators).checkAssert((tax, population) -> {
            int units = Math.min(tax.length, population.length);
            var values = Map.of(
                    "tax-revenue", Arrays.stream(tax).limit(units).mapToObj(BigDecimal::valueOf).toArray(BigDecimal[]::new),
                    "population", Arrays.stream(population).limit(units).mapToObj(BigDecimal::valueOf).toArray(BigDecimal[]::new));

            var weights = DistributionKey.koenigstein().weights(values, units);

            // key_i = 2/3 × t_i / T + 1/3 × p_i / P = (2 t_i P + p_i T) / 3TP, and the key values add up to 1,
            // so w_i / Σw = key_i: w_i × 3TP = Σw × (2 t_i P + p_i T).
            var taxSum = BigInteger.valueOf(Arrays.stream(tax).limit(units).asLongStream().sum());
            var populationSum = BigInteger.valueOf(Arrays.stream(population).limit(units).asLongStream().sum());
            var weightSum = Arrays.stream(weights).reduce(BigInteger.ZERO, BigInteger::add);
            for (int i = 0; i < units; i++) {
                var left = weights[i].multiply(BigInteger.valueOf(3)).multiply(taxSum).multiply(populationSum);
                var right = weightSum.multiply(BigInteger.valueOf(2L * tax[i]).multiply(populationSum)
                        .add(BigInteger.valueOf(population[i]).multiply(taxSum)));
                assertThat(left).as("unit %d", i).isEqualTo(right);
            }
        });
    }

    /**
     * The definition of a divisor method, one unit at a time: the next goes to the largest quotient
     * w_i / d(a_i), d(a) = a + 1 or 2a + 1; on equal quotients the larger weight, then the lower index.
     */
    static long[] seatBySeat(long total, long[] weights, boolean sainteLague) {
        var seats = new long[weights.length];
        for (long seat = 0; seat < total; seat++) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] == 0) {
                    continue;
                }
                if (best < 0) {
                    best = i;
                    continue;
                }
                var mine = BigInteger.valueOf(weights[i]).multiply(BigInteger.valueOf(divisor(seats[best], sainteLague)));
                var theirs = BigInteger.valueOf(weights[best]).multiply(BigInteger.valueOf(divisor(seats[i], sainteLague)));
                int byQuotient = mine.compareTo(theirs);
                if (byQuotient > 0 || byQuotient == 0 && weights[i] > weights[best]) {
                    best = i;
                }
            }
            seats[best]++;
        }
        return seats;
    }

    static long divisor(long seats, boolean sainteLague) {
        return sainteLague ? 2 * seats + 1 : seats + 1;
    }
}
