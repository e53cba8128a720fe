package nl.doorstroom.matching.web;

import java.util.LinkedHashMap;
import java.util.Map;

import nl.doorstroom.matching.LinkingWeights;
import nl.doorstroom.matching.RunRequest;
import nl.doorstroom.shared.FormInput;

/**
 * The text of the new-run form (or of the API request), read into a {@link RunRequest}; blank numbers take
 * their default (tolerance 0, {@value RunRequest#DEFAULT_SECONDS} seconds, the default weights).
 */
record RunForm(String region, String householdLimit, String tolerancePercent, String seconds,
        Map<String, String> weights) {

    static RunForm empty() {
        var weights = new LinkedHashMap<String, String>();
        LinkingWeights.DEFAULT.byCriterion().forEach((name, value) -> weights.put(name, String.valueOf(value)));
        return new RunForm("", "", "0", String.valueOf(RunRequest.DEFAULT_SECONDS), weights);
    }

    RunRequest read() {
        var input = new FormInput();
        var limit = input.integer("householdLimit", householdLimit);
        var tolerance = input.integer("tolerancePercent", tolerancePercent);
        var time = input.integer("seconds", seconds);
        var w = new int[LinkingWeights.CRITERIA.size()];
        for (int i = 0; i < w.length; i++) {
            var name = LinkingWeights.CRITERIA.get(i);
            var value = input.integer("weight." + name, weights.get(name));
            w[i] = value == null ? LinkingWeights.DEFAULT.byCriterion().get(name) : value;
        }
        input.check();
        return new RunRequest(FormInput.blank(region) ? null : region.strip(), limit, tolerance == null ? 0 : tolerance,
                time == null ? RunRequest.DEFAULT_SECONDS : time, new LinkingWeights(w[0], w[1], w[2], w[3], w[4], w[5]));
    }

    public String weight(String name) {
        return weights.getOrDefault(name, "");
    }
}
