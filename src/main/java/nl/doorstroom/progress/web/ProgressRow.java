package nl.doorstroom.progress.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.doorstroom.progress.Colour;
import nl.doorstroom.progress.MunicipalityProgress;
import nl.doorstroom.progress.PeriodProgress;

/**
 * One municipality in a progress table: the half-year containing the date and its last assessment.
 */
record ProgressRow(String code, String name, String province, String provinceName, String coaRegion,
        PeriodProgress current, Colour lastColour, boolean lastExcused, int missedInARow) {

    static ProgressRow of(MunicipalityProgress m) {
        var last = m.lastAssessed();
        return new ProgressRow(m.code().value(), m.name(), m.province().value(), m.provinceName(), m.coaRegion(),
                m.current(), last.map(PeriodProgress::colour).orElse(null), last.map(PeriodProgress::excused).orElse(false),
                m.missedInARow());
    }

    /** Sort orders offered on every progress table; the first is the default: furthest behind first. */
    static final Map<String, Comparator<ProgressRow>> SORTS = Map.of(
            "shortfall", Comparator.comparingLong((ProgressRow r) -> r.current.shortfall()).reversed()
                    .thenComparing(ProgressRow::name),
            "name", Comparator.comparing(ProgressRow::name),
            "province", Comparator.comparing(ProgressRow::provinceName).thenComparing(ProgressRow::name),
            "corrected", Comparator.comparingLong((ProgressRow r) -> r.current.correctedQuota()).reversed(),
            "housed", Comparator.comparingLong((ProgressRow r) -> r.current.housed()).reversed(),
            "percent", Comparator.comparingDouble((ProgressRow r) -> r.percentOrHundred()).thenComparing(ProgressRow::name),
            "weeks", Comparator.comparingDouble((ProgressRow r) -> r.current.weeksBehind()).reversed()
                    .thenComparing(ProgressRow::name),
            "missed", Comparator.comparingInt((ProgressRow r) -> r.missedInARow).reversed()
                    .thenComparing(ProgressRow::name));

    static final List<String> SORT_KEYS = List.of("name", "province", "corrected", "housed", "shortfall", "percent",
            "weeks", "missed");

    double percentOrHundred() {
        var percent = current.realisationPercent();
        return percent == null ? 100.0 : percent;
    }

    /** Whether the row matches a free-text filter on name or code. */
    boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        var q = query.strip().toLowerCase(Locale.ROOT);
        return name.toLowerCase(Locale.ROOT).contains(q) || code.toLowerCase(Locale.ROOT).contains(q);
    }
}
