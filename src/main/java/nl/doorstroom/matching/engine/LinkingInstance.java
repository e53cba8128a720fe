package nl.doorstroom.matching.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A linking problem, independent of Spring and the database: households with their persons,
 * municipalities with a capacity in persons, and the allowed pairs with an integer score. Pairs not
 * listed are not allowed. Indexes are positions in {@code households} and {@code municipalities}.
 */
public final class LinkingInstance {

    /** An allowed pair: household index, municipality index, score (≥ 0). */
    public record Pair(int household, int municipality, int score) {
    }

    private final List<String> households;
    private final int[] persons;
    private final List<String> municipalities;
    private final long[] capacity;
    // Pairs by household (compressed rows): pairs of household h are at [start[h], start[h + 1]).
    private final int[] start;
    private final int[] pairMunicipality;
    private final int[] pairScore;

    public LinkingInstance(List<String> households, int[] persons, List<String> municipalities, long[] capacity,
            List<Pair> pairs) {
        this.households = List.copyOf(households);
        this.persons = persons.clone();
        this.municipalities = List.copyOf(municipalities);
        this.capacity = capacity.clone();
        if (persons.length != households.size() || capacity.length != municipalities.size()) {
            throw new IllegalArgumentException("One number of persons per household and one capacity per municipality");
        }
        for (int p : persons) {
            if (p < 1) {
                throw new IllegalArgumentException("A household has at least one person");
            }
        }
        for (long c : capacity) {
            if (c < 0) {
                throw new IllegalArgumentException("A capacity is not negative");
            }
        }
        var sorted = pairs.stream().sorted((a, b) -> a.household() != b.household()
                ? Integer.compare(a.household(), b.household()) : Integer.compare(a.municipality(), b.municipality()))
                .toList();
        start = new int[households.size() + 1];
        pairMunicipality = new int[sorted.size()];
        pairScore = new int[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            var pair = Objects.requireNonNull(sorted.get(i));
            if (pair.household() < 0 || pair.household() >= households.size() || pair.municipality() < 0
                    || pair.municipality() >= municipalities.size() || pair.score() < 0) {
                throw new IllegalArgumentException("A pair names a known household and municipality, score ≥ 0: " + pair);
            }
            if (i > 0 && sorted.get(i - 1).household() == pair.household()
                    && sorted.get(i - 1).municipality() == pair.municipality()) {
                throw new IllegalArgumentException("A pair is listed twice: " + pair);
            }
            start[pair.household() + 1]++;
            pairMunicipality[i] = pair.municipality();
            pairScore[i] = pair.score();
        }
        for (int h = 0; h < households.size(); h++) {
            start[h + 1] += start[h];
        }
    }

    public int householdCount() {
        return households.size();
    }

    public int municipalityCount() {
        return municipalities.size();
    }

    public String household(int h) {
        return households.get(h);
    }

    public String municipality(int m) {
        return municipalities.get(m);
    }

    public int persons(int h) {
        return persons[h];
    }

    public long capacity(int m) {
        return capacity[m];
    }

    public int pairCount() {
        return pairScore.length;
    }

    int firstPair(int h) {
        return start[h];
    }

    int endPair(int h) {
        return start[h + 1];
    }

    int pairMunicipality(int pair) {
        return pairMunicipality[pair];
    }

    int pairScore(int pair) {
        return pairScore[pair];
    }

    /** The score of linking household h to municipality m, or -1 when the pair is not allowed. */
    public int score(int h, int m) {
        int found = Arrays.binarySearch(pairMunicipality, start[h], start[h + 1], m);
        return found >= 0 ? pairScore[found] : -1;
    }
}
