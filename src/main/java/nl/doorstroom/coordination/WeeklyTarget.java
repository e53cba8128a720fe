package nl.doorstroom.coordination;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.permitholders.HouseholdOverview;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly target of extra places (500 a week in the LRT minutes; the policy holds the number): the
 * places realised by kept and partly kept commitments per week, beyond the regular flow, by kind and by
 * province, cumulative, against the target; beside them the persons housed per week in the register and the
 * regular flow (the quota's pace). The forecast divides how far the nation is behind the pace by the extra
 * places a week of the last four weeks.
 */
@Service
public class WeeklyTarget {

    static final int FORECAST_WEEKS = 4;

    private final StoredContacts stored;
    private final HouseholdOverview register;
    private final ProgressMonitor progress;
    private final MunicipalityRegistry registry;

    WeeklyTarget(StoredContacts stored, HouseholdOverview register, ProgressMonitor progress,
            MunicipalityRegistry registry) {
        this.stored = stored;
        this.register = register;
        this.progress = progress;
        this.registry = registry;
    }

    /**
     * @param weeks Mondays, oldest first; the last is the running week
     * @param total extra places realised per week
     * @param housed persons counted toward a quota per week in the register (a HAR placement or a move, once)
     * @param regularFlow the quota's pace per week: the nation's corrected quota over the half-year's 26 weeks
     * @param behindPace persons the municipalities together are behind the quota's pace today
     * @param recentPace extra places a week over the last four complete weeks
     * @param weeksToClear {@code behindPace / recentPace}, rounded up; null when the pace is zero
     */
    public record Figures(List<LocalDate> weeks, Map<Commitment.Kind, List<Long>> byKind,
            Map<String, List<Long>> byProvince, List<Long> total, List<Long> cumulative, int target,
            List<Long> housed, double regularFlow, long behindPace, double recentPace, Long weeksToClear) {

        public long lastWeek() {
            return total.isEmpty() ? 0 : total.get(total.size() - 1);
        }
    }

    @Transactional(readOnly = true)
    public Figures figures(int weeks, LocalDate today) {
        Coordinators.requireReader();
        int count = Math.max(FORECAST_WEEKS + 1, Math.min(104, weeks));
        var monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var mondays = new ArrayList<LocalDate>();
        for (int i = count - 1; i >= 0; i--) {
            mondays.add(monday.minusWeeks(i));
        }
        var byKind = new LinkedHashMap<Commitment.Kind, List<Long>>();
        for (var kind : Commitment.Kind.values()) {
            byKind.put(kind, zeros(count));
        }
        var byProvince = new TreeMap<String, List<Long>>();
        var total = zeros(count);
        var provinceOf = new java.util.HashMap<MunicipalityCode, String>();
        registry.all().forEach(m -> provinceOf.put(m.code(), m.provinceName()));
        for (var realised : stored.realisedSince(mondays.get(0))) {
            int index = mondays.indexOf(realised.weekStart());
            if (index < 0) {
                continue;
            }
            add(byKind.get(realised.kind()), index, realised.places());
            add(byProvince.computeIfAbsent(provinceOf.getOrDefault(realised.municipality(), "?"), k -> zeros(count)),
                    index, realised.places());
            add(total, index, realised.places());
        }
        var cumulative = new ArrayList<Long>(count);
        long sum = 0;
        for (long week : total) {
            sum += week;
            cumulative.add(sum);
        }
        var housed = zeros(count);
        register.countedPerWeek(mondays.get(0)).forEach((week, persons) -> {
            int index = mondays.indexOf(week);
            if (index >= 0) {
                add(housed, index, persons);
            }
        });
        var picture = progress.at(today);
        double regularFlow = 0;
        long behind = 0;
        if (!picture.isEmpty()) {
            long corrected = 0;
            for (var m : picture.municipalities()) {
                var current = m.current();
                corrected += Math.max(0, current.correctedQuota());
                behind += Math.max(0, Math.round(current.expected()) - current.housed());
            }
            regularFlow = corrected / 26.0;
        }
        // The last four complete weeks: the running week is not over.
        double recent = 0;
        for (int i = count - 1 - FORECAST_WEEKS; i < count - 1; i++) {
            recent += total.get(i);
        }
        recent /= FORECAST_WEEKS;
        Long weeksToClear = recent <= 0 ? null : (long) Math.ceil(behind / recent);
        return new Figures(mondays, byKind, byProvince, total, cumulative, stored.policy().policy().weeklyTarget(),
                housed, regularFlow, behind, recent, weeksToClear);
    }

    private static List<Long> zeros(int count) {
        return new ArrayList<>(Collections.nCopies(count, 0L));
    }

    private static void add(List<Long> series, int index, long value) {
        series.set(index, series.get(index) + value);
    }
}
