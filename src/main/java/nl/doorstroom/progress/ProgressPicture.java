package nl.doorstroom.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * Progress of every municipality on a date, over every half-year with a quota up to the one that
 * contains the date, and sums over any set of municipalities.
 *
 * @param measuredThrough the last day the monthly figures cover (the end of the last reported month, or the
 *        date): the pace of the running half-year is measured up to this day
 * @param version the date and the state of every input the picture was computed from
 */
public record ProgressPicture(LocalDate date, LocalDate measuredThrough, List<HalfYear> periods,
        Map<MunicipalityCode, MunicipalityProgress> byCode, String version) {

    ProgressPicture(LocalDate date, LocalDate measuredThrough, List<HalfYear> periods,
            Map<MunicipalityCode, MunicipalityProgress> byCode) {
        this(date, measuredThrough, periods, byCode, "");
    }

    /** The same picture, named by the state of its inputs: equal versions mean equal pictures (for HTTP caching). */
    ProgressPicture withVersion(String version) {
        return new ProgressPicture(date, measuredThrough, periods, byCode, version);
    }

    public boolean isEmpty() {
        return periods.isEmpty();
    }

    /** The half-year containing the date (the last one shown). */
    public HalfYear current() {
        return periods.get(periods.size() - 1);
    }

    public Collection<MunicipalityProgress> municipalities() {
        return byCode.values();
    }

    public Optional<MunicipalityProgress> municipality(MunicipalityCode code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<MunicipalityProgress> inProvince(ProvinceCode province) {
        return byCode.values().stream().filter(m -> m.province().equals(province)).toList();
    }

    /** Sums per half-year over the given municipalities (those without a quota in a half-year are left out). */
    public List<PeriodTotals> totals(Set<MunicipalityCode> codes) {
        return totals(byCode.values().stream().filter(m -> codes.contains(m.code())).toList());
    }

    public List<PeriodTotals> nation() {
        return totals(byCode.values());
    }

    public List<PeriodTotals> province(ProvinceCode province) {
        return totals(inProvince(province));
    }

    private List<PeriodTotals> totals(Collection<MunicipalityProgress> municipalities) {
        var byPeriod = new java.util.HashMap<HalfYear, List<PeriodProgress>>();
        for (var municipality : municipalities) {
            for (var row : municipality.history()) {
                byPeriod.computeIfAbsent(row.period(), p -> new ArrayList<>()).add(row);
            }
        }
        var totals = new ArrayList<PeriodTotals>(periods.size());
        for (var period : periods) {
            boolean complete = period.end().isBefore(date) && !measuredThrough.isBefore(period.end());
            totals.add(PeriodTotals.of(period, complete, byPeriod.getOrDefault(period, List.of())));
        }
        return totals;
    }
}
