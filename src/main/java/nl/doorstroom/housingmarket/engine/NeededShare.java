package nl.doorstroom.housingmarket.engine;

import nl.doorstroom.housingmarket.SizeBand;

/**
 * The smallest allocation share with which the corrected quota of the half-year is met by its end.
 *
 * @param share the needed share, rounded up to a tenth of a percent; null when even 100% does not meet it
 * @param weeks the weeks judged: from the start to the end of the half-year
 * @param shortfallAtCurrent the shortfall at the end of the half-year at the current share
 * @param shortfallAtFull the shortfall at the end of the half-year when every home is offered to permit holders
 * @param limit what stops the quota from being met at 100%; {@link Limit#NONE} when it can be met
 * @param scarceBand with {@link Limit#HOMES}: the size band (and larger) of which there are too few homes for the
 *        households still waiting
 */
public record NeededShare(Double share, int weeks, double shortfallAtCurrent, double shortfallAtFull, Limit limit,
        SizeBand scarceBand) {

    /** What keeps the quota out of reach. */
    public enum Limit {
        /** It can be met (or is met already). */
        NONE,
        /** No weeks of the half-year are left to simulate. */
        NO_WEEKS_LEFT,
        /** Every linked household is housed and still the quota is not met: more links are needed. */
        LINKED_HOUSEHOLDS,
        /** Households wait while every home of their size band and larger went to permit holders. */
        HOMES
    }

    /** A shortfall below half a person rounds to nobody: the quota is met. */
    static final double MET = 0.5;

    /** The needed share for the half-year the input starts in (the rest of the input is taken as it is). */
    public static NeededShare of(SimulationInput input) {
        int weeks = Math.min(SimulationInput.MAX_WEEKS, input.weeksLeftInHalfYear());
        if (weeks < 1) {
            return new NeededShare(null, 0, 0, 0, Limit.NO_WEEKS_LEFT, null);
        }
        var judged = input.withWeeks(weeks);
        double atCurrent = AllocationSimulator.run(judged.withShare(judged.currentShare())).last().shortfall();
        var full = AllocationSimulator.run(judged.withShare(1));
        double atFull = full.last().shortfall();
        if (atFull >= MET) {
            var left = full.leftAwaiting();
            double stillWaiting = left.values().stream().mapToDouble(Double::doubleValue).sum();
            if (stillWaiting < 1e-9) {
                return new NeededShare(null, weeks, atCurrent, atFull, Limit.LINKED_HOUSEHOLDS, null);
            }
            // The largest household left shows the band that runs out: homes of its band and larger all went to
            // permit holders, yet it waits.
            var band = SizeBand.forHousehold(left.lastKey());
            return new NeededShare(null, weeks, atCurrent, atFull, Limit.HOMES, band);
        }
        if (AllocationSimulator.run(judged.withShare(0)).last().shortfall() < MET) {
            return new NeededShare(0.0, weeks, atCurrent, atFull, Limit.NONE, null);
        }
        // The shortfall does not grow with the share (see the engine's tests), so halving the interval finds the edge.
        double low = 0;
        double high = 1;
        while (high - low > 1e-4) {
            double middle = (low + high) / 2;
            if (AllocationSimulator.run(judged.withShare(middle)).last().shortfall() < MET) {
                high = middle;
            }
            else {
                low = middle;
            }
        }
        double rounded = Math.min(1, Math.ceil(high * 1000 - 1e-9) / 1000);
        return new NeededShare(rounded, weeks, atCurrent, atFull, Limit.NONE, null);
    }
}
