package nl.doorstroom.quota;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks on apportionments that compare more than one outcome of a method.
 */
public final class Apportionments {

    private Apportionments() {
    }

    /**
     * The units that get less at {@code largerTotal} than at {@code total}: the Alabama paradox (named
     * after Alabama, which lost a seat of the US House when the House grew from 299 to 300 after the 1880
     * census; Balinski and Young, <i>Fair Representation</i>, 2001). It can happen with
     * {@link ApportionmentMethod#LARGEST_REMAINDER}; the divisor methods and
     * {@link ApportionmentMethod#ROUND_UP} never show it, so for them the list is always empty.
     *
     * @return the indices of those units, in increasing order; empty when there are none
     * @throws IllegalArgumentException when {@code largerTotal} is less than {@code total}, or the method refuses the input
     */
    public static List<Integer> alabamaParadox(ApportionmentMethod method, long total, long largerTotal, long[] weights) {
        requireLarger(total, largerTotal);
        return losers(method.apportion(total, weights), method.apportion(largerTotal, weights));
    }

    /** As {@link #alabamaParadox(ApportionmentMethod, long, long, long[])}, for BigInteger weights. */
    public static List<Integer> alabamaParadox(ApportionmentMethod method, long total, long largerTotal,
            BigInteger[] weights) {
        requireLarger(total, largerTotal);
        return losers(method.apportion(total, weights), method.apportion(largerTotal, weights));
    }

    private static void requireLarger(long total, long largerTotal) {
        if (largerTotal < total) {
            throw new IllegalArgumentException(
                    "The larger total (" + largerTotal + ") must be at least the total (" + total + ")");
        }
    }

    private static List<Integer> losers(long[] before, long[] after) {
        var losers = new ArrayList<Integer>();
        for (int i = 0; i < before.length; i++) {
            if (after[i] < before[i]) {
                losers.add(i);
            }
        }
        return List.copyOf(losers);
    }
}
