package nl.doorstroom.coordination;

import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.shared.InvalidInput.Problem;

/**
 * The policy that orders the call list, as the table asked (DOMAIN.md, "The situation": the first round
 * targeted municipalities below about 30% realisation; supervision is not aimed at municipalities that try
 * hard and just miss). Every threshold and every number of points is data that the coordination centre
 * sets; {@link CallPriorities} applies it and shows each reason with its points.
 *
 * @param behindPercent a municipality is far behind below this share of its corrected quota housed
 * @param weeksBehind ... or this many weeks behind the pace of 1/6 of the corrected quota a month
 * @param shortfallPer100 points for every 100 persons of shortfall (up to {@code shortfallMaximum})
 * @param quietWeeks no commitment in this many weeks counts as not cooperating
 * @param escalationPoints points for an open supervision case of the province: it is not cooperating
 * @param effortThreshold a combined effort index (the whole picture) from which a municipality carries its share
 * @param effortPoints points off for carrying its share or more
 * @param weeklyTarget the extra places a week the centre aims for (500 in the LRT minutes)
 */
public record CallPolicy(int behindPercent, int behindPoints, int weeksBehind, int weeksBehindPoints,
        int shortfallPer100, int shortfallMaximum, int quietWeeks, int quietPoints, int notKeptPoints, int keptPoints,
        int risingPoints, int sitesPoints, int openCommitmentPoints, int escalationPoints, int effortThreshold,
        int effortPoints, int weeklyTarget) {

    public static final CallPolicy DEFAULT = new CallPolicy(30, 40, 8, 20, 2, 20, 6, 15, 10, 15, 10, 10, 5, 15, 100, 20, 500);

    /** The fields in the order forms and files show them. */
    public static final List<String> FIELDS = List.of("behindPercent", "behindPoints", "weeksBehind",
            "weeksBehindPoints", "shortfallPer100", "shortfallMaximum", "quietWeeks", "quietPoints", "notKeptPoints",
            "keptPoints", "risingPoints", "sitesPoints", "openCommitmentPoints", "escalationPoints", "effortThreshold", "effortPoints", "weeklyTarget");

    public int[] values() {
        return new int[] {behindPercent, behindPoints, weeksBehind, weeksBehindPoints, shortfallPer100, shortfallMaximum,
            quietWeeks, quietPoints, notKeptPoints, keptPoints, risingPoints, sitesPoints, openCommitmentPoints,
            escalationPoints, effortThreshold, effortPoints, weeklyTarget};
    }

    public static CallPolicy of(int[] v) {
        return new CallPolicy(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16]);
    }

    List<Problem> problems() {
        var problems = new ArrayList<Problem>();
        var values = values();
        for (int i = 0; i < values.length; i++) {
            var field = FIELDS.get(i);
            int max = field.equals("weeklyTarget") ? 100_000 : field.equals("behindPercent") ? 100
                    : field.equals("effortThreshold") ? EffortIndex.CAP : 1_000;
            int min = field.equals("quietWeeks") || field.equals("weeklyTarget") ? 1 : 0;
            if (values[i] < min || values[i] > max) {
                problems.add(Problem.of(field, "coordination.policy.range", min, max));
            }
        }
        return problems;
    }
}
