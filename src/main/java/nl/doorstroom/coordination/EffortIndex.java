package nl.doorstroom.coordination;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole picture's combined effort of a municipality, as the municipalities asked for it: each part is what it
 * did as a percentage of its fair share, and the index is their mean, so that nobody calls a municipality that
 * already carries more than its share without seeing it. Every part stays visible; a part the municipality has
 * no figure for is left out of the mean (not counted as zero). A part counts for at most {@value #CAP}%, so one
 * large effort does not hide the others.
 *
 * @param quotaPercent housed as a percentage of what the quota's pace asks by the date
 * @param receptionPercent reception places provided as a percentage of its task under the distribution act
 * @param ukrainianPercent displaced Ukrainians received as a percentage of its population share of the nation's
 * @param commitmentsKeptPercent commitments kept as a percentage of those decided
 */
public record EffortIndex(Double quotaPercent, Double receptionPercent, Double ukrainianPercent,
        Double commitmentsKeptPercent) {

    public static final int CAP = 200;

    /** The mean of the parts there are, each capped; null without any part. */
    public Integer value() {
        var parts = new ArrayList<Double>();
        for (var p : java.util.stream.Stream.of(quotaPercent, receptionPercent, ukrainianPercent, commitmentsKeptPercent)
                .filter(java.util.Objects::nonNull).toList()) {
            parts.add(Math.min(CAP, Math.max(0, p)));
        }
        return parts.isEmpty() ? null
                : (int) Math.round(parts.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }

    /** How many parts it has figures for. */
    public int parts() {
        return (int) java.util.stream.Stream.of(quotaPercent, receptionPercent, ukrainianPercent, commitmentsKeptPercent)
                .filter(java.util.Objects::nonNull).count();
    }

    static Double percent(double done, double fair) {
        return fair <= 0 ? null : 100.0 * done / fair;
    }
}
