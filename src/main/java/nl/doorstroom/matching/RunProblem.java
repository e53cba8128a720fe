package nl.doorstroom.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import nl.doorstroom.matching.LinkProposal.UnlinkedReason;
import nl.doorstroom.matching.StoredRuns.Outcome;
import nl.doorstroom.matching.engine.LinkingInstance;
import nl.doorstroom.matching.engine.LinkingSolution;
import nl.doorstroom.permitholders.LinkingRule;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * A run's households and municipalities as a generic {@link LinkingInstance} for the engine, and the
 * engine's answer back as explained proposals. The allowed pairs follow {@link LinkingRule#allowed}
 * (limited to the municipalities the run knows); the scores follow {@link LinkingScores}. Built from the
 * stored inputs alone, so that a run can be recomputed.
 */
final class RunProblem {

    private final List<RunHousehold> households;
    private final List<RunMunicipality> municipalities;
    private final Map<MunicipalityCode, Integer> index = new HashMap<>();
    private final LinkingScores scores;
    private final List<int[]> allowed = new ArrayList<>();
    private final LinkingInstance instance;

    RunProblem(List<RunHousehold> households, List<RunMunicipality> municipalities, LinkingWeights weights,
            LocalDate runDate, Function<MunicipalityCode, Set<MunicipalityCode>> neighbours) {
        this.households = List.copyOf(households);
        this.municipalities = List.copyOf(municipalities);
        for (int m = 0; m < municipalities.size(); m++) {
            index.put(municipalities.get(m).code(), m);
        }
        this.scores = new LinkingScores(weights, runDate, municipalities, neighbours);
        allowed.addAll(allowedPairs(households, municipalities, index));
        var pairs = new ArrayList<LinkingInstance.Pair>();
        for (int h = 0; h < households.size(); h++) {
            var allowedHere = allowed.get(h);
            for (int m : allowedHere) {
                pairs.add(new LinkingInstance.Pair(h, m, score(h, m).total()));
            }
        }
        instance = new LinkingInstance(households.stream().map(h -> String.valueOf(h.id())).toList(),
                households.stream().mapToInt(RunHousehold::persons).toArray(),
                municipalities.stream().map(m -> m.code().value()).toList(),
                municipalities.stream().mapToLong(RunMunicipality::capacity).toArray(), pairs);
    }

    /** For each household the indexes of its allowed municipalities among those the run knows, ascending. */
    private static List<int[]> allowedPairs(List<RunHousehold> households, List<RunMunicipality> municipalities,
            Map<MunicipalityCode, Integer> index) {
        var regionOf = new HashMap<MunicipalityCode, String>();
        var byRegion = new HashMap<String, List<MunicipalityCode>>();
        for (var municipality : municipalities) {
            regionOf.put(municipality.code(), municipality.region());
            byRegion.computeIfAbsent(municipality.region(), r -> new ArrayList<>()).add(municipality.code());
        }
        var allowed = new ArrayList<int[]>(households.size());
        for (var household : households) {
            var codes = LinkingRule.allowed(household.region(), household.criteria(),
                    code -> regionOf.getOrDefault(code, ""), region -> byRegion.getOrDefault(region, List.of()));
            allowed.add(codes.stream().filter(index::containsKey).mapToInt(index::get).sorted().toArray());
        }
        return allowed;
    }

    /** The number of allowed pairs of a run, without scoring them (kept with the run when it starts). */
    static int pairCount(List<RunHousehold> households, List<RunMunicipality> municipalities) {
        var index = new HashMap<MunicipalityCode, Integer>();
        for (int m = 0; m < municipalities.size(); m++) {
            index.put(municipalities.get(m).code(), m);
        }
        return allowedPairs(households, municipalities, index).stream().mapToInt(a -> a.length).sum();
    }

    /**
     * The municipalities a run must know for these households: every one allowed for any of them.
     *
     * @param municipalitiesOf the municipalities of a linking region
     */
    static Set<MunicipalityCode> needed(Collection<RunHousehold> households, Function<MunicipalityCode, String> regionOf,
            Function<String, Collection<MunicipalityCode>> municipalitiesOf) {
        var needed = new java.util.TreeSet<MunicipalityCode>();
        for (var household : households) {
            needed.addAll(LinkingRule.allowed(household.region(), household.criteria(), regionOf, municipalitiesOf));
        }
        return needed;
    }

    LinkingInstance instance() {
        return instance;
    }

    ScoreParts score(int household, int municipality) {
        return scores.score(households.get(household), municipalities.get(municipality));
    }

    /** Every allowed municipality of a household with its score, best first. */
    List<Option> options(int household) {
        var options = new ArrayList<Option>();
        for (int m : allowed.get(household)) {
            options.add(new Option(municipalities.get(m).code(), score(household, m)));
        }
        options.sort((a, b) -> Integer.compare(b.parts().total(), a.parts().total()));
        return options;
    }

    /** An allowed municipality of a household with its score. */
    record Option(MunicipalityCode municipality, ScoreParts parts) {
    }

    int householdIndex(long householdId) {
        for (int h = 0; h < households.size(); h++) {
            if (households.get(h).id() == householdId) {
                return h;
            }
        }
        return -1;
    }

    /**
     * The engine's assignment as proposals: for a linked household its score split and the best other
     * allowed municipality (and whether that one still had room after the run); for an unlinked one the
     * reason and its best allowed municipality.
     */
    List<Outcome> outcomes(LinkingSolution solution) {
        var assignment = solution.assignment();
        long[] used = new long[municipalities.size()];
        for (int h = 0; h < assignment.length; h++) {
            if (assignment[h] >= 0) {
                used[assignment[h]] += households.get(h).persons();
            }
        }
        var outcomes = new ArrayList<Outcome>(households.size());
        for (int h = 0; h < households.size(); h++) {
            var household = households.get(h);
            int chosen = assignment[h];
            int alternative = -1;
            int alternativeScore = -1;
            for (int m : allowed.get(h)) {
                if (m != chosen) {
                    int score = score(h, m).total();
                    if (score > alternativeScore) {
                        alternativeScore = score;
                        alternative = m;
                    }
                }
            }
            var alternativeCode = alternative < 0 ? null : municipalities.get(alternative).code();
            Boolean hadRoom = alternative < 0 ? null
                    : municipalities.get(alternative).capacity() - used[alternative] >= household.persons();
            if (chosen >= 0) {
                outcomes.add(new Outcome(household.id(), municipalities.get(chosen).code(), score(h, chosen),
                        alternativeCode, alternative < 0 ? null : alternativeScore, hadRoom, null));
            }
            else {
                outcomes.add(new Outcome(household.id(), null, null, alternativeCode,
                        alternative < 0 ? null : alternativeScore, hadRoom, unlinkedReason(h)));
            }
        }
        return outcomes;
    }

    private UnlinkedReason unlinkedReason(int household) {
        if (allowed.get(household).length == 0) {
            return UnlinkedReason.NO_ALLOWED;
        }
        int persons = households.get(household).persons();
        for (int m : allowed.get(household)) {
            if (municipalities.get(m).capacity() >= persons) {
                return UnlinkedReason.CAPACITY_TAKEN;
            }
        }
        return UnlinkedReason.NO_CAPACITY;
    }
}
