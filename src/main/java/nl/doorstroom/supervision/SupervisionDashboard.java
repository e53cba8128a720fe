package nl.doorstroom.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.doorstroom.shared.ProvinceCode;

/**
 * The province's (or the nation's) picture of its cases on a date: how many municipalities are at each
 * step, how many are overdue, and how long cases take per step, to answer the table's question: where
 * does the process stall?
 *
 * @param province null for the nation
 */
public record SupervisionDashboard(LocalDate date, ProvinceCode province, List<StepStatistics> steps, int open,
        int overdue, int closed, int ministerRequests, int awaitingPublication, BigDecimal costs) {

    /**
     * The step where the process stalls most: the most overdue cases, then the longest median passage.
     */
    public Optional<StepStatistics> stall() {
        return steps.stream().filter(s -> s.overdue() > 0 || s.medianDays() != null)
                .max(Comparator.comparingInt(StepStatistics::overdue)
                        .thenComparingLong(s -> s.medianDays() == null ? 0 : s.medianDays()));
    }

    /**
     * Computes the picture from cases. Steps follow the ladder's order (the province's; for the nation the
     * default), then any other step the cases took.
     */
    static SupervisionDashboard of(LocalDate date, ProvinceCode province, EscalationLadder ladder,
            List<EscalationCase> cases) {
        var keyed = new LinkedHashMap<String, Tally>();
        for (var step : ladder.steps()) {
            keyed.put(groupOf(step.key(), step.kind(), step.name(), province), new Tally(step.key(), step.kind(),
                    step.name()));
        }
        int open = 0;
        int overdue = 0;
        int closed = 0;
        int requests = 0;
        int awaiting = 0;
        var costs = BigDecimal.ZERO;
        for (var c : cases) {
            if (c.openedOn().isAfter(date)) {
                continue;
            }
            if (c.isOpen()) {
                open++;
                if (c.overdueOn(date)) {
                    overdue++;
                }
            }
            else {
                closed++;
            }
            requests += c.ministerRequests().size();
            awaiting += (int) c.documents().stream().filter(EscalationCase.CaseDocument::awaitingPublication).count();
            costs = costs.add(c.totalCost());
            var steps = c.steps();
            for (int i = 0; i < steps.size(); i++) {
                var s = steps.get(i);
                var tally = keyed.computeIfAbsent(groupOf(s.key(), s.kind(), s.name(), province),
                        k -> new Tally(s.key(), s.kind(), s.name()));
                LocalDate end = i + 1 < steps.size() ? steps.get(i + 1).stepOn() : c.closedOn();
                if (end != null) {
                    tally.passages.add(ChronoUnit.DAYS.between(s.stepOn(), end));
                }
                else {
                    tally.open++;
                    if (s.overdueOn(date)) {
                        tally.overdue++;
                    }
                    tally.longestOpen = Math.max(tally.longestOpen, ChronoUnit.DAYS.between(s.stepOn(), date));
                }
            }
        }
        var rows = new ArrayList<StepStatistics>();
        for (var t : keyed.values()) {
            var sorted = t.passages.stream().sorted().toList();
            Long median = sorted.isEmpty() ? null : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : Math.round((sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0);
            Long average = sorted.isEmpty() ? null
                    : Math.round(sorted.stream().mapToLong(Long::longValue).average().orElse(0));
            rows.add(new StepStatistics(t.key, t.kind, t.name, t.open, t.overdue, sorted.size(), median, average,
                    t.longestOpen));
        }
        return new SupervisionDashboard(date, province, List.copyOf(rows), open, overdue, closed, requests, awaiting,
                costs);
    }

    /** Within a province by step; across provinces by kind, a province's own steps by their name. */
    private static String groupOf(String key, StepKind kind, String name, ProvinceCode province) {
        if (province != null) {
            return key;
        }
        return kind == StepKind.OTHER ? "OTHER:" + (name == null ? key : name.strip().toLowerCase()) : kind.name();
    }

    private static final class Tally {
        final String key;
        final StepKind kind;
        final String name;
        final List<Long> passages = new ArrayList<>();
        int open;
        int overdue;
        long longestOpen;

        Tally(String key, StepKind kind, String name) {
            this.key = key;
            this.kind = kind;
            this.name = name;
        }
    }

    /** Per province: the number of open cases at each kind of step (for the nation's table). */
    static Map<ProvinceCode, Map<StepKind, Integer>> byProvince(List<EscalationCase> cases) {
        var table = new LinkedHashMap<ProvinceCode, Map<StepKind, Integer>>();
        for (var c : cases) {
            if (c.isOpen()) {
                table.computeIfAbsent(c.province(), k -> new LinkedHashMap<>()).merge(c.current().kind(), 1,
                        Integer::sum);
            }
        }
        return table;
    }
}
