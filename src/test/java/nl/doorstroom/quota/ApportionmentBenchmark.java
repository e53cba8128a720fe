package nl.doorstroom.quota;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Benchmark, not a test (run by {@code bench/apportionment.sh}): apportions 1,000,000 over 100,000 units
 * with every method, first with seeded random long weights from 1 to 1,000,000, then with the BigInteger
 * weights of the Königstein key over synthetic indicators, and prints the median and p90 in milliseconds.
 */
class ApportionmentBenchmark {

    static final int UNITS = 100_000;
    static final long TOTAL = 1_000_000;
    static final int WARM_UP_RUNS = 10;
    static final int MEASURED_RUNS = 21;

    static long checksum;

    public static void main(String[] args) {
        var random = new Random(20_240_201L);
        long[] weights = random.longs(UNITS, 1, 1_000_001).toArray();
        var indicators = Map.of(
                DistributionKey.TAX_REVENUE, syntheticTaxRevenue(random),
                DistributionKey.POPULATION, syntheticPopulation(random));

        var key = DistributionKey.koenigstein();
        var keyTimes = measure(() -> key.weights(indicators, UNITS));
        BigInteger[] keyWeights = key.weights(indicators, UNITS);
        int bits = Arrays.stream(keyWeights).mapToInt(BigInteger::bitLength).max().orElse(0);
        print("key=koenigstein units=" + UNITS + " weight_bits=" + bits, keyTimes);

        for (var method : ApportionmentMethod.values()) {
            print(line(method, "long"), measure(() -> method.apportion(TOTAL, weights)));
        }
        for (var method : ApportionmentMethod.values()) {
            print(line(method, "biginteger-koenigstein"), measure(() -> method.apportion(TOTAL, keyWeights)));
        }
        System.out.println("checksum=" + checksum);
    }

    /** Tax revenue in euros with cents, from 1,000.00 to 10,000,000,000.00. */
    static BigDecimal[] syntheticTaxRevenue(Random random) {
        var values = new BigDecimal[UNITS];
        for (int i = 0; i < UNITS; i++) {
            values[i] = BigDecimal.valueOf(random.nextLong(100_000L, 1_000_000_000_001L), 2);
        }
        return values;
    }

    static BigDecimal[] syntheticPopulation(Random random) {
        var values = new BigDecimal[UNITS];
        for (int i = 0; i < UNITS; i++) {
            values[i] = BigDecimal.valueOf(random.nextInt(1, 1_000_001));
        }
        return values;
    }

    static String line(ApportionmentMethod method, String weights) {
        return "method=" + method + " units=" + UNITS + " total=" + TOTAL + " weights=" + weights;
    }

    static double[] measure(Supplier<Object> run) {
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            checksum += run.get().hashCode();
        }
        var millis = new double[MEASURED_RUNS];
        for (int i = 0; i < MEASURED_RUNS; i++) {
            long start = System.nanoTime();
            var result = run.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
            checksum += result.hashCode();
        }
        Arrays.sort(millis);
        return millis;
    }

    static void print(String what, double[] sortedMillis) {
        double median = sortedMillis[sortedMillis.length / 2];
        double p90 = sortedMillis[(int) Math.ceil(0.9 * sortedMillis.length) - 1];
        System.out.printf("%s median_ms=%.1f p90_ms=%.1f%n", what, median, p90);
    }
}
