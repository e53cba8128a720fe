package nl.doorstroom.housingmarket;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * Adds corporations' reported rows up to the market of an area. Homes, vacancies, seekers and new seekers are
 * summed. The allocation share is allocated over vacancies of all rows, so each municipality weighs by its
 * vacancies. Medians cannot be added: the area's median wait is the mean of the reported medians weighted by
 * each row's active seekers (a plain mean when no row has seekers), an approximation named as such on the pages.
 */
final class MarketSums {

    private MarketSums() {
    }

    static MarketFigures sum(int year, Collection<MunicipalityCode> area, List<MunicipalFigures> rows) {
        var municipalities = new TreeSet<>(area);
        var homes = new EnumMap<SizeBand, Long>(SizeBand.class);
        var vacancies = new EnumMap<SizeBand, Long>(SizeBand.class);
        for (var band : SizeBand.values()) {
            homes.put(band, 0L);
            vacancies.put(band, 0L);
        }
        long allocated = 0;
        long seekers = 0;
        double weightedWait = 0;
        long waitWeight = 0;
        double plainWait = 0;
        int waits = 0;
        Long newSeekers = null;
        boolean synthetic = false;
        boolean newSeekersFromAll = true;
        Set<MunicipalityCode> reported = new HashSet<>();
        for (var row : rows) {
            if (row.year() != year || !municipalities.contains(row.municipality())) {
                continue;
            }
            reported.add(row.municipality());
            for (var band : SizeBand.values()) {
                homes.merge(band, (long) row.homes(band), Long::sum);
                vacancies.merge(band, (long) row.vacancies(band), Long::sum);
            }
            allocated += row.allocated();
            seekers += row.activeSeekers();
            if (row.medianWaitMonths() != null) {
                weightedWait += row.medianWaitMonths() * row.activeSeekers();
                waitWeight += row.activeSeekers();
                plainWait += row.medianWaitMonths();
                waits++;
            }
            if (row.newSeekersPerYear() != null) {
                newSeekers = (newSeekers == null ? 0 : newSeekers) + row.newSeekersPerYear();
            }
            else {
                newSeekersFromAll = false;
            }
            synthetic |= row.synthetic();
        }
        long vacant = vacancies.values().stream().mapToLong(Long::longValue).sum();
        double share = vacant == 0 ? 0 : Math.min(1, (double) allocated / vacant);
        Double wait = waits == 0 ? null : waitWeight > 0 ? weightedWait / waitWeight : plainWait / waits;
        var without = new TreeSet<>(municipalities);
        without.removeAll(reported);
        return new MarketFigures(year, municipalities, homes, vacancies, share, seekers, wait, newSeekers, without,
                synthetic, newSeekers != null && newSeekersFromAll);
    }
}
