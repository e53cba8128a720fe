package nl.doorstroom.permitholders;

import java.util.Map;

/**
 * Households past their stage's norm in one area, by how far, with those longer than 14 weeks in
 * reception and HAR placements past six months.
 *
 * @param area a province or municipality code; null for households still awaiting a link (COA's)
 */
public record OverdueRow(String area, Map<OverdueBand, Long> households, Map<OverdueBand, Long> persons,
        long pastFourteenWeeksHouseholds, long pastFourteenWeeksPersons, long harOverTerm) {

    public long overdueHouseholds() {
        return households.values().stream().mapToLong(Long::longValue).sum();
    }

    public long overduePersons() {
        return persons.values().stream().mapToLong(Long::longValue).sum();
    }

    public long households(OverdueBand band) {
        return households.getOrDefault(band, 0L);
    }

    public long persons(OverdueBand band) {
        return persons.getOrDefault(band, 0L);
    }
}
