package nl.doorstroom.matching;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A proposal's score split by criterion; each part is rounded to a whole number on its own, so the
 * parts add up to the score exactly.
 */
public record ScoreParts(int base, int waiting, int dwelling, int ties, int school, int spreading) {

    public int total() {
        return base + waiting + dwelling + ties + school + spreading;
    }

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
}
