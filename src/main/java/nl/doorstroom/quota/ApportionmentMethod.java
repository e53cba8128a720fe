package nl.doorstroom.quota;

import java.math.BigInteger;
import java.util.function.IntBinaryOperator;

/**
 * A way to apportion a whole number (permit holders, reception places) over units such as
 * municipalities in proportion to their weights (population, or the weights of a {@link DistributionKey}).
 *
 * <p>Every decision is made in exact integer arithmetic: shares are compared as fractions by
 * cross-multiplication, never as floating-point numbers, so the same input always gives the same
 * result on every machine. Where two units have an equal claim to a unit (an equal remainder, or an
 * equal quotient under a divisor method), the unit with the larger weight goes first, and among equal
 * weights the unit with the lower index. A unit with weight 0 always gets 0.
 */
public enum ApportionmentMethod {

    /**
     * Each unit gets its exact share rounded up, {@code ceil(total × w_i / W)}: Huisvestingswet 2014
     * art. 29(1) ("naar boven afgerond"). The sum may exceed the total, by less than the number of units
     * with a positive weight (about +171 over 342 municipalities).
     */
    ROUND_UP,

    /**
     * Hamilton's method, also Hare–Niemeyer: each unit gets the floor of its exact share, and the units
     * left over go one each to the largest remainders. A. Hamilton (1792); M. L. Balinski and H. P. Young,
     * <i>Fair Representation</i> (2nd ed., 2001). It satisfies the quota rule but not house
     * monotonicity: a unit can lose when the total grows (the Alabama paradox of 1880).
     */
    LARGEST_REMAINDER,

    /**
     * Sainte-Laguë, also Webster: a divisor method with divisors 1, 3, 5, … (2k + 1); the next unit goes
     * to the largest quotient {@code w_i / (2 a_i + 1)}. A. Sainte-Laguë, "La représentation
     * proportionnelle et la méthode des moindres carrés", Annales scientifiques de l'École Normale
     * Supérieure 27 (1910); Webster (1832); Balinski and Young (2001). House monotone.
     */
    SAINTE_LAGUE,

    /**
     * D'Hondt, also Jefferson: a divisor method with divisors 1, 2, 3, … (k + 1); the next unit goes to the
     * largest quotient {@code w_i / (a_i + 1)}. V. D'Hondt, <i>Système pratique et raisonné de
     * représentation proportionnelle</i> (1882); Jefferson (1792); Balinski and Young (2001). House monotone.
     */
    DHONDT;

    /**
     * Apportions {@code total} over the units in proportion to {@code weights} (index i of the result
     * belongs to index i of the weights).
     *
     * @throws IllegalArgumentException when the total is negative, a weight is negative, or no weight is positive
     */
    public long[] apportion(long total, long[] weights) {
        requireTotal(total);
        requireUnits(weights == null ? 0 : weights.length);
        long sum = 0;
        boolean overflows = false;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("Weight " + i + " is negative: " + weights[i]);
            }
            long next = sum + weights[i];
            overflows |= next < 0;
            sum = next;
        }
        if (sum == 0 && !overflows) {
            throw new IllegalArgumentException("At least one weight must be positive");
        }
        if (overflows) {
            var big = new BigInteger[weights.length];
            for (int i = 0; i < weights.length; i++) {
                big[i] = BigInteger.valueOf(weights[i]);
            }
            return apportionShares(new BigShares(total, big));
        }
        return apportionShares(new LongShares(total, weights, sum));
    }

    /**
     * Apportions {@code total} over the units in proportion to {@code weights}; for weights that do not
     * fit in a long, such as those of a {@link DistributionKey}. Gives the same result as
     * {@link #apportion(long, long[])} for the same weights.
     *
     * @throws IllegalArgumentException when the total is negative, a weight is missing or negative, or no weight is positive
     */
    public long[] apportion(long total, BigInteger[] weights) {
        requireTotal(total);
        requireUnits(weights == null ? 0 : weights.length);
        boolean anyPositive = false;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == null) {
                throw new IllegalArgumentException("Weight " + i + " is missing");
            }
            if (weights[i].signum() < 0) {
                throw new IllegalArgumentException("Weight " + i + " is negative: " + weights[i]);
            }
            anyPositive |= weights[i].signum() > 0;
        }
        if (!anyPositive) {
            throw new IllegalArgumentException("At least one weight must be positive");
        }
        return apportionShares(new BigShares(total, weights.clone()));
    }

    private static void requireTotal(long total) {
        if (total < 0) {
            throw new IllegalArgumentException("The total to apportion must be 0 or more, not " + total);
        }
    }

    private static void requireUnits(int units) {
        if (units == 0) {
            throw new IllegalArgumentException("At least one weight is needed");
        }
    }

    private long[] apportionShares(Shares shares) {
        return switch (this) {
            case ROUND_UP -> roundUp(shares);
            case LARGEST_REMAINDER -> largestRemainder(shares);
            case SAINTE_LAGUE -> divisorMethod(shares, true);
            case DHONDT -> divisorMethod(shares, false);
        };
    }

    private static long[] roundUp(Shares shares) {
        var seats = shares.floor.clone();
        for (int i = 0; i < seats.length; i++) {
            if (shares.hasRemainder(i)) {
                seats[i]++;
            }
        }
        return seats;
    }

    /**
     * The floors leave fewer units than there are positive remainders (the remainders add up to a whole
     * number below their count), so the ones left go to the largest remainders, taken from a heap.
     */
    private static long[] largestRemainder(Shares shares) {
        var seats = shares.floor.clone();
        long left = shares.total;
        for (long floor : seats) {
            left -= floor;
        }
        if (left == 0) {
            return seats;
        }
        var candidates = new int[seats.length];
        int count = 0;
        for (int i = 0; i < seats.length; i++) {
            if (shares.hasRemainder(i)) {
                candidates[count++] = i;
            }
        }
        var heap = new IndexHeap(candidates, count, (i, j) -> {
            int byRemainder = shares.compareRemainders(i, j);
            return byRemainder != 0 ? byRemainder : shares.compareWeightsThenIndex(i, j);
        });
        for (; left > 0; left--) {
            seats[heap.poll()]++;
        }
        return seats;
    }

    /**
     * A divisor method gives the units to the {@code total} largest quotients {@code w_i / d(k)} over all
     * units i and seat numbers k (d(k) = k + 1 for D'Hondt, 2k + 1 for Sainte-Laguë), ties broken as the
     * class comment says. Handing them out one by one from zero costs total × log(units); instead this
     * starts from the allocation at the divisor estimated from the exact shares: every quotient at least
     * λ = W / total (D'Hondt) or W / (2 total) (Sainte-Laguë), which is floor(q_i) or round-half-up(q_i)
     * seats for exact share q_i = total × w_i / W. That allocation is exactly the set of the largest
     * quotients of its size, so adding the next largest quotients from a max-heap (when it is short) or
     * taking back the smallest held quotients from a min-heap (when it is over) gives the allocation of
     * {@code total}. D'Hondt is short by less than the number of units, Sainte-Laguë off by at most about
     * half of it: O(units × log units) in all, whatever the total.
     */
    private static long[] divisorMethod(Shares shares, boolean sainteLague) {
        int units = shares.floor.length;
        var seats = shares.floor.clone();
        long excess = -shares.total;
        for (int i = 0; i < units; i++) {
            if (sainteLague && shares.remainderAtLeastHalf(i)) {
                seats[i]++;
            }
            excess += seats[i];
        }
        if (excess < 0) {
            var holders = new int[units];
            int count = 0;
            for (int i = 0; i < units; i++) {
                if (shares.isPositive(i)) {
                    holders[count++] = i;
                }
            }
            var strongestNext = new IndexHeap(holders, count, (i, j) -> shares.compareClaims(
                    i, divisor(seats[i], sainteLague), j, divisor(seats[j], sainteLague)));
            for (; excess < 0; excess++) {
                seats[strongestNext.peek()]++;
                strongestNext.siftDownTop();
            }
        } else if (excess > 0) {
            var holders = new int[units];
            int count = 0;
            for (int i = 0; i < units; i++) {
                if (seats[i] > 0) {
                    holders[count++] = i;
                }
            }
            var weakestHeld = new IndexHeap(holders, count, (i, j) -> shares.compareClaims(
                    j, divisor(seats[j] - 1, sainteLague), i, divisor(seats[i] - 1, sainteLague)));
            for (; excess > 0; excess--) {
                int unit = weakestHeld.peek();
                if (--seats[unit] == 0) {
                    weakestHeld.poll();
                } else {
                    weakestHeld.siftDownTop();
                }
            }
        }
        return seats;
    }

    /**
     * The divisor for seat number {@code k + 1} of a unit that holds k, as an unsigned long: k is at most
     * the total (at most 2^63 - 1), so 2k + 1 fits in 64 bits unsigned.
     */
    private static long divisor(long k, boolean sainteLague) {
        return sainteLague ? 2 * k + 1 : k + 1;
    }

    /**
     * Each unit's exact share {@code total × w_i / W} as its floor and remainder, and the comparisons the
     * methods need, exactly, for long or BigInteger weights.
     */
    private abstract static class Shares {

        final long total;
        final long[] floor;

        Shares(long total, int units) {
            this.total = total;
            this.floor = new long[units];
        }

        abstract boolean isPositive(int unit);

        abstract boolean hasRemainder(int unit);

        /** Whether the exact share is at least its floor + 1/2: 2 × remainder ≥ W. */
        abstract boolean remainderAtLeastHalf(int unit);

        abstract int compareRemainders(int unit, int other);

        abstract int compareWeights(int unit, int other);

        /** Compares w_unit / divisor with w_other / otherDivisor; divisors are unsigned 64-bit. */
        abstract int compareQuotients(int unit, long divisor, int other, long otherDivisor);

        /** Positive when {@code unit} goes before {@code other} on an equal claim: larger weight, then lower index. */
        final int compareWeightsThenIndex(int unit, int other) {
            int byWeight = compareWeights(unit, other);
            return byWeight != 0 ? byWeight : Integer.compare(other, unit);
        }

        /** Positive when the claim w_unit / divisor goes before w_other / otherDivisor. */
        final int compareClaims(int unit, long divisor, int other, long otherDivisor) {
            int byQuotient = compareQuotients(unit, divisor, other, otherDivisor);
            return byQuotient != 0 ? byQuotient : compareWeightsThenIndex(unit, other);
        }
    }

    private static final class LongShares extends Shares {

        private final long[] weights;
        private final long sum;
        private final long[] remainder;

        LongShares(long total, long[] weights, long sum) {
            super(total, weights.length);
            this.weights = weights.clone();
            this.sum = sum;
            this.remainder = new long[weights.length];
            var bigSum = BigInteger.valueOf(sum);
            for (int i = 0; i < weights.length; i++) {
                long high = Math.multiplyHigh(total, weights[i]);
                long product = total * weights[i];
                if (high == 0 && product >= 0) {
                    floor[i] = product / sum;
                    remainder[i] = product % sum;
                } else {
                    var division = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i]))
                            .divideAndRemainder(bigSum);
                    floor[i] = division[0].longValueExact();
                    remainder[i] = division[1].longValueExact();
                }
            }
        }

        @Override
        boolean isPositive(int unit) {
            return weights[unit] > 0;
        }

        @Override
        boolean hasRemainder(int unit) {
            return remainder[unit] > 0;
        }

        @Override
        boolean remainderAtLeastHalf(int unit) {
            return remainder[unit] >= sum - remainder[unit];
        }

        @Override
        int compareRemainders(int unit, int other) {
            return Long.compare(remainder[unit], remainder[other]);
        }

        @Override
        int compareWeights(int unit, int other) {
            return Long.compare(weights[unit], weights[other]);
        }

        @Override
        int compareQuotients(int unit, long divisor, int other, long otherDivisor) {
            return compareProducts(weights[unit], otherDivisor, weights[other], divisor);
        }

        /**
         * Compares a × b with c × d exactly as 128-bit numbers, for a and c from 0 to 2^63 - 1 and b and d
         * unsigned 64-bit: the high word of an unsigned product is the signed one plus a when b's top bit
         * is set (Math.unsignedMultiplyHigh arrives only in Java 18).
         */
        private static int compareProducts(long a, long b, long c, long d) {
            long high = Math.multiplyHigh(a, b) + ((b >> 63) & a);
            long otherHigh = Math.multiplyHigh(c, d) + ((d >> 63) & c);
            if (high != otherHigh) {
                return Long.compareUnsigned(high, otherHigh);
            }
            return Long.compareUnsigned(a * b, c * d);
        }
    }

    private static final class BigShares extends Shares {

        private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

        private final BigInteger[] weights;
        private final BigInteger sum;
        private final BigInteger[] remainder;

        BigShares(long total, BigInteger[] weights) {
            super(total, weights.length);
            this.weights = weights;
            var sum = BigInteger.ZERO;
            for (var weight : weights) {
                sum = sum.add(weight);
            }
            this.sum = sum;
            this.remainder = new BigInteger[weights.length];
            var bigTotal = BigInteger.valueOf(total);
            for (int i = 0; i < weights.length; i++) {
                var division = bigTotal.multiply(weights[i]).divideAndRemainder(sum);
                floor[i] = division[0].longValueExact();
                remainder[i] = division[1];
            }
        }

        @Override
        boolean isPositive(int unit) {
            return weights[unit].signum() > 0;
        }

        @Override
        boolean hasRemainder(int unit) {
            return remainder[unit].signum() > 0;
        }

        @Override
        boolean remainderAtLeastHalf(int unit) {
            return remainder[unit].shiftLeft(1).compareTo(sum) >= 0;
        }

        @Override
        int compareRemainders(int unit, int other) {
            return remainder[unit].compareTo(remainder[other]);
        }

        @Override
        int compareWeights(int unit, int other) {
            return weights[unit].compareTo(weights[other]);
        }

        @Override
        int compareQuotients(int unit, long divisor, int other, long otherDivisor) {
            return weights[unit].multiply(unsigned(otherDivisor))
                    .compareTo(weights[other].multiply(unsigned(divisor)));
        }

        private static BigInteger unsigned(long value) {
            var big = BigInteger.valueOf(value);
            return value >= 0 ? big : big.add(TWO_TO_64);
        }
    }

    /**
     * A binary heap of unit indices; {@code first.applyAsInt(i, j) > 0} when i comes out before j. The
     * order may read state that changes for the top unit only, after which the caller sifts it down.
     */
    private static final class IndexHeap {

        private final int[] heap;
        private final IntBinaryOperator first;
        private int size;

        IndexHeap(int[] units, int count, IntBinaryOperator first) {
            this.heap = units;
            this.size = count;
            this.first = first;
            for (int i = size / 2 - 1; i >= 0; i--) {
                siftDown(i);
            }
        }

        int peek() {
            return heap[0];
        }

        int poll() {
            int top = heap[0];
            heap[0] = heap[--size];
            siftDown(0);
            return top;
        }

        void siftDownTop() {
            siftDown(0);
        }

        private void siftDown(int position) {
            int unit = heap[position];
            while (true) {
                int child = 2 * position + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && first.applyAsInt(heap[child + 1], heap[child]) > 0) {
                    child++;
                }
                if (first.applyAsInt(heap[child], unit) <= 0) {
                    break;
                }
                heap[position] = heap[child];
                position = child;
            }
            heap[position] = unit;
        }
    }
}
