package nl.doorstroom.housingmarket;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * What one corporation reported for one municipality and year, as stored, with the version an edit must name.
 *
 * @param allocated vacancies of the year allocated to permit holders
 * @param medianWaitMonths median registration time of regular seekers at allocation; null when not reported
 * @param newSeekersPerYear regular seekers registering in a year; null when not reported
 */
public record MunicipalFigures(long corporationId, String corporationName, MunicipalityCode municipality, int year,
        Map<SizeBand, Integer> homes, Map<SizeBand, Integer> vacancies, int allocated, int activeSeekers,
        Double medianWaitMonths, Integer newSeekersPerYear, boolean synthetic, int version, String changedBy,
        Instant changedAt) {

    public MunicipalFigures {
        homes = Map.copyOf(new EnumMap<>(homes));
        vacancies = Map.copyOf(new EnumMap<>(vacancies));
    }

    public int totalHomes() {
        return homes.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int totalVacancies() {
        return vacancies.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Allocated to permit holders over all vacancies, 0 to 1; 0 when nothing came free. */
    public double allocationShare() {
        int vacant = totalVacancies();
        return vacant == 0 ? 0 : (double) allocated / vacant;
    }

    public int homes(SizeBand band) {
        return homes.getOrDefault(band, 0);
    }

    public int vacancies(SizeBand band) {
        return vacancies.getOrDefault(band, 0);
    }

    /** These figures as a market of one municipality (the input of {@link HousingStocks#figuresFor}). */
    public MarketFigures asMarket() {
        return MarketSums.sum(year, Set.of(municipality), java.util.List.of(this));
    }

    /** The same figures as a form, to edit them. */
    public FiguresForm toForm() {
        return new FiguresForm(new EnumMap<>(homes), new EnumMap<>(vacancies), allocated, activeSeekers,
                medianWaitMonths, newSeekersPerYear);
    }
}
