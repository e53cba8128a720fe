package nl.doorstroom.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.doorstroom.shared.InvalidInput.Problem;

/**
 * The weights of the criteria a proposal is scored by, each a whole number from 0 to
 * {@value #MAXIMUM}; the planner sees and tunes them for every run. What each weight multiplies is
 * written in {@link LinkingScores}.
 */
public record LinkingWeights(int base, int waiting, int dwelling, int ties, int school, int spreading) {

    public static final int MAXIMUM = 100;

    /** Leaving reception counts most, then waiting time; the fit of home, work, school and spreading refine. */
    public static final LinkingWeights DEFAULT = new LinkingWeights(10, 10, 6, 8, 6, 4);

    /** The criteria by name, in the order pages and files show them. */
    public static final List<String> CRITERIA = List.of("base", "waiting", "dwelling", "ties", "school", "spreading");

    public Map<String, Integer> byCriterion() {
        var map = new LinkedHashMap<String, Integer>();
        map.put("base", base);
        map.put("waiting", waiting);
        map.put("dwelling", dwelling);
        map.put("ties", ties);
        map.put("school", school);
        map.put("spreading", spreading);
        return map;
    }

    /** Every weight outside 0 to {@value #MAXIMUM}, and all weights zero (nothing to choose by). */
    List<Problem> problems() {
        var problems = new ArrayList<Problem>();
        byCriterion().forEach((name, value) -> {
            if (value < 0 || value > MAXIMUM) {
                problems.add(Problem.of("weight." + name, "linking.weight.range", 0, MAXIMUM));
            }
        });
        if (problems.isEmpty() && byCriterion().values().stream().allMatch(v -> v == 0)) {
            problems.add(Problem.of("weight.base", "linking.weight.allZero"));
        }
        return problems;
    }
}
