package nl.doorstroom.housingmarket;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A saved allocation-share scenario: the shares to compare for an area, with its parameters, who made it and when.
 *
 * @param marketYear the year of the market figures; null for the latest year with figures
 * @param shares the allocation shares to compare, fractions 0 to 1
 * @param extraHomesPerWeek homes a week on top of the vacancies (new building, temporary sites), by size band
 * @param weeks weeks to simulate; null for up to the end of the current half-year
 * @param newLinksPerWeek households newly linked a week; null for the recent pace
 * @param synthetic made by the demo, not by a user
 */
public record AllocationScenario(long id, String name, String description, SimulationArea area, Integer marketYear,
        List<Double> shares, Map<SizeBand, Double> extraHomesPerWeek, Integer weeks, Double newLinksPerWeek,
        String createdBy, Instant createdAt, String changedBy, Instant changedAt, boolean synthetic, int version) {

    public AllocationScenario {
        shares = List.copyOf(shares);
        extraHomesPerWeek = Map.copyOf(extraHomesPerWeek);
    }

    /** The shares as a reader writes them: {@code 10%, 12,5%}. */
    public String sharesInPercent() {
        return String.join(", ", shares.stream().map(share -> {
            double value = Math.round(share * 1000) / 10.0;
            return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)).replace('.', ',')
                    + "%";
        }).toList());
    }

    /** The parameters alone, as a form edits them. */
    public ScenarioDraft draft() {
        return new ScenarioDraft(name, description, area.code(), marketYear, shares, extraHomesPerWeek, weeks,
                newLinksPerWeek);
    }
}
