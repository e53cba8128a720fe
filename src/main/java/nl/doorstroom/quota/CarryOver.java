package nl.doorstroom.quota;

import java.util.ArrayList;
import java.util.List;

/**
 * The carry-over between half-years: a shortfall is added to the next period's quota, an advance
 * is taken off it. The corrected quota of a period is its quota plus the balance of the period
 * before; the balance of a period is its corrected quota minus the number housed in it (positive:
 * shortfall, negative: advance). The chain runs over any number of periods.
 */
public final class CarryOver {

    /** One period in the chain. {@code balance} is the shortfall (positive) or advance (negative). */
    public record Balance(long quota, long carriedIn, long correctedQuota, long housed, long balance) {

        public long shortfall() {
            return Math.max(0, balance);
        }

        public long advance() {
            return Math.max(0, -balance);
        }
    }

    private CarryOver() {
    }

    /**
     * Chains the periods in order.
     *
     * @param quotas the quota of each period, in order
     * @param housed the number housed in each period, in the same order
     * @param opening the balance carried into the first period
     */
    public static List<Balance> chain(long[] quotas, long[] housed, long opening) {
        if (quotas.length != housed.length) {
            throw new IllegalArgumentException("One housed figure per quota is needed");
        }
        var chain = new ArrayList<Balance>(quotas.length);
        long carried = opening;
        for (int i = 0; i < quotas.length; i++) {
            long corrected = quotas[i] + carried;
            long balance = corrected - housed[i];
            chain.add(new Balance(quotas[i], carried, corrected, housed[i], balance));
            carried = balance;
        }
        return chain;
    }
}
