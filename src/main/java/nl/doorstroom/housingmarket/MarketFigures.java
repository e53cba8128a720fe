package nl.doorstroom.housingmarket;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * The social-rental market of an area (one municipality, or the sum over several) in a year, as the
 * housing corporations reported it: homes and yearly vacancies by size band, the share of vacancies
 * allocated to permit holders, and the regular waiting list.
 *
 * @param allocationShare permit holders' share of all vacancies, 0 to 1 (weighted by vacancies)
 * @param medianWaitMonths median registration time of regular seekers at allocation; for several
 *        municipalities the seeker-weighted mean of their medians; null when nobody reported it
 * @param newSeekersPerYear regular seekers who register a year; null when not reported
 * @param withoutFigures municipalities of the area for which no corporation reported this year
 * @param synthetic whether any figure in it is synthetic demo data
 * @param newSeekersFromAll whether every row summed reported its new seekers (else the sum covers only some)
 */
public record MarketFigures(int year, Set<MunicipalityCode> municipalities, Map<SizeBand, Long> homes,
        Map<SizeBand, Long> vacanciesPerYear, double allocationShare, long activeSeekers, Double medianWaitMonths,
        Long newSeekersPerYear, Set<MunicipalityCode> withoutFigures, boolean synthetic, boolean newSeekersFromAll) {

    public MarketFigures {
        municipalities = Set.copyOf(new TreeSet<>(municipalities));
        homes = complete(homes);
        vacanciesPerYear = complete(vacanciesPerYear);
        withoutFigures = Set.copyOf(withoutFigures);
        if (allocationShare < 0 || allocationShare > 1) {
            throw new IllegalArgumentException("An allocation share lies between 0 and 1: " + allocationShare);
        }
    }

    public long totalHomes() {
        return homes.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalVacanciesPerYear() {
        return vacanciesPerYear.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<SizeBand, Long> complete(Map<SizeBand, Long> byBand) {
        Objects.requireNonNull(byBand);
        var all = new EnumMap<SizeBand, Long>(SizeBand.class);
        for (var band : SizeBand.values()) {
            var value = byBand.getOrDefault(band, 0L);
            if (value < 0) {
                throw new IllegalArgumentException("A negative number of homes for " + band + ": " + value);
            }
            all.put(band, value);
        }
        return Map.copyOf(all);
    }
}
