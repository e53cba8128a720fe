package nl.doorstroom.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nl.doorstroom.shared.InvalidInput.Problem;

/**
 * What a planner asks of a run: the households awaiting a link in a linking region (null: the nation),
 * oldest permits first, at most {@code householdLimit} of them (null: all); each municipality's remaining
 * capacity raised or lowered by {@code tolerancePercent} of its corrected quota; the weights; and how
 * many seconds the optimiser may take.
 */
public record RunRequest(String region, Integer householdLimit, int tolerancePercent, int seconds,
        LinkingWeights weights) {

    public static final int MAXIMUM_SECONDS = 600;
    public static final int DEFAULT_SECONDS = 10;
    public static final int MAXIMUM_HOUSEHOLDS = 250_000;

    List<Problem> problems(Set<String> regions) {
        var problems = new ArrayList<Problem>();
        if (region != null && !regions.contains(region)) {
            problems.add(Problem.of("region", "linking.region.unknown", region));
        }
        if (householdLimit != null && (householdLimit < 1 || householdLimit > MAXIMUM_HOUSEHOLDS)) {
            problems.add(Problem.of("householdLimit", "linking.limit.range", 1, MAXIMUM_HOUSEHOLDS));
        }
        if (tolerancePercent < -50 || tolerancePercent > 50) {
            problems.add(Problem.of("tolerancePercent", "linking.tolerance.range", -50, 50));
        }
        if (seconds < 1 || seconds > MAXIMUM_SECONDS) {
            problems.add(Problem.of("seconds", "linking.seconds.range", 1, MAXIMUM_SECONDS));
        }
        if (weights == null) {
            problems.add(Problem.of("weight.base", "linking.weight.missing"));
        }
        else {
            problems.addAll(weights.problems());
        }
        return problems;
    }
}
