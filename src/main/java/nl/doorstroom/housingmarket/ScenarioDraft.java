package nl.doorstroom.housingmarket;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import nl.doorstroom.shared.InvalidInput.Problem;

/**
 * The parameters of an allocation scenario as a user enters them, checked by {@link #problems()}.
 *
 * @param area {@code GM0344}, {@code PV26} or {@code NL}
 * @param shares fractions 0 to 1, at least one and at most {@link #MAX_SHARES}
 */
public record ScenarioDraft(String name, String description, String area, Integer marketYear, List<Double> shares,
        Map<SizeBand, Double> extraHomesPerWeek, Integer weeks, Double newLinksPerWeek) {

    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_SHARES = 8;
    /** More homes a week than any municipality lets in a year would be a typing error. */
    public static final double MAX_EXTRA_HOMES = 10_000;

    public ScenarioDraft {
        shares = shares == null ? List.of() : List.copyOf(shares);
        var extra = new EnumMap<SizeBand, Double>(SizeBand.class);
        if (extraHomesPerWeek != null) {
            extraHomesPerWeek.forEach((band, value) -> {
                if (band != null && value != null && value != 0) {
                    extra.put(band, value);
                }
            });
        }
        extraHomesPerWeek = Map.copyOf(extra);
    }

    /** Every problem, by field, with a message key of the bundle {@code i18n/housingmarket-simulation}. */
    public List<Problem> problems() {
        var problems = new ArrayList<Problem>();
        if (name == null || name.isBlank()) {
            problems.add(Problem.of("name", "housingmarket.simulation.name.required"));
        }
        else if (name.strip().length() > MAX_NAME) {
            problems.add(Problem.of("name", "housingmarket.simulation.text.tooLong", MAX_NAME));
        }
        if (description != null && description.strip().length() > MAX_DESCRIPTION) {
            problems.add(Problem.of("description", "housingmarket.simulation.text.tooLong", MAX_DESCRIPTION));
        }
        try {
            SimulationArea.parse(area);
        }
        catch (RuntimeException e) {
            problems.add(Problem.of("area", "housingmarket.simulation.area.invalid", String.valueOf(area)));
        }
        if (marketYear != null && (marketYear < 2000 || marketYear > 2100)) {
            problems.add(Problem.of("marketYear", "housingmarket.simulation.year.invalid", marketYear));
        }
        if (shares.isEmpty()) {
            problems.add(Problem.of("shares", "housingmarket.simulation.shares.required"));
        }
        else if (shares.size() > MAX_SHARES) {
            problems.add(Problem.of("shares", "housingmarket.simulation.shares.tooMany", MAX_SHARES));
        }
        for (var share : shares) {
            if (share == null || !(share >= 0 && share <= 1)) {
                problems.add(Problem.of("shares", "housingmarket.simulation.shares.range"));
                break;
            }
        }
        for (var entry : extraHomesPerWeek.entrySet()) {
            if (!(entry.getValue() >= 0 && entry.getValue() <= MAX_EXTRA_HOMES)) {
                problems.add(Problem.of("extraHomes" + entry.getKey().name(), "housingmarket.simulation.extraHomes.range",
                        MAX_EXTRA_HOMES));
            }
        }
        if (weeks != null && (weeks < 1 || weeks > 104)) {
            problems.add(Problem.of("weeks", "housingmarket.simulation.weeks.range", 104));
        }
        if (newLinksPerWeek != null && !(newLinksPerWeek >= 0 && newLinksPerWeek <= MAX_EXTRA_HOMES)) {
            problems.add(Problem.of("newLinksPerWeek", "housingmarket.simulation.newLinks.range"));
        }
        return problems;
    }
}
