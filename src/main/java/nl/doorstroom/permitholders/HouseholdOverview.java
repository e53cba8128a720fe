package nl.doorstroom.permitholders;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts over the register, without personal data: overdue households by area and how far overdue,
 * the funnel from permit to home with median days per step, and the weekly flow. Results are kept
 * for at most five seconds per question, and dropped at once when any household changes on this node.
 */
@Service
public class HouseholdOverview {

    private static final long FRESH_MILLIS = 5_000;

    /**
     * A median is given over at least this many households: it says little over fewer, and over one or two
     * it would be a household's own timeline, which the counts are open to roles that may not read.
     */
    public static final int MEDIAN_MINIMUM = 5;

    private final JdbcClient jdbc;
    private final MunicipalityRegistry registry;
    private final Map<Object, Cached> cache = new ConcurrentHashMap<>();
    private final Map<Object, Object> computing = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    private record Cached(long generation, long at, Object value) {
    }

    HouseholdOverview(JdbcClient jdbc, MunicipalityRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** An area to count over: the nation, a province or a municipality. */
    public record Area(ProvinceCode province, MunicipalityCode municipality) {

        public static Area nation() {
            return new Area(null, null);
        }

        public static Area of(ProvinceCode province) {
            return new Area(Objects.requireNonNull(province), null);
        }

        public static Area of(MunicipalityCode municipality) {
            return new Area(null, Objects.requireNonNull(municipality));
        }

        public boolean national() {
            return province == null && municipality == null;
        }
    }

    /** Overdue households on a date: per province (nation) or per municipality (a province). */
    @Transactional(readOnly = true)
    public OverdueOverview overdue(ProvinceCode province, LocalDate today) {
        return cached(List.of("overdue", String.valueOf(province), today), () -> computeOverdue(province, today));
    }

    private OverdueOverview computeOverdue(ProvinceCode province, LocalDate today) {
        var codes = province == null ? null : codes(Area.of(province));
        var filter = codes == null ? "TRUE" : "municipality_code IN (:codes)";
        var byMunicipality = new HashMap<String, long[]>();
        jdbc.sql("""
                SELECT municipality_code,
                       CASE WHEN :today - stage_due <= 14 THEN 0 WHEN :today - stage_due <= 28 THEN 1
                            WHEN :today - stage_due <= 56 THEN 2 WHEN :today - stage_due <= 91 THEN 3 ELSE 4 END AS band,
                       count(*), sum(persons)
                FROM household WHERE stage_due < :today AND\s""" + filter + " GROUP BY 1, 2")
                .param("today", today).param("codes", codes == null ? List.of("") : codes)
                .query((rs, n) -> {
                    var counts = byMunicipality.computeIfAbsent(rs.getString(1), k -> new long[13]);
                    counts[rs.getInt(2)] += rs.getLong(3);
                    counts[5 + rs.getInt(2)] += rs.getLong(4);
                    return null;
                }).list();
        // Past 14 weeks and HAR over term, counted separately so each keeps its own condition.
        jdbc.sql("SELECT municipality_code, count(*), sum(persons) FROM household"
                + " WHERE counted_on IS NULL AND permit_date < :cutoff AND " + filter + " GROUP BY 1")
                .param("cutoff", today.minusDays(Norms.TOTAL_DAYS)).param("codes", codes == null ? List.of("") : codes)
                .query((rs, n) -> {
                    var counts = byMunicipality.computeIfAbsent(rs.getString(1), k -> new long[13]);
                    counts[10] += rs.getLong(2);
                    counts[11] += rs.getLong(3);
                    return null;
                }).list();
        jdbc.sql("SELECT municipality_code, count(*) FROM household WHERE stage = 'HAR' AND stage_due < :today AND "
                + filter + " GROUP BY 1")
                .param("today", today).param("codes", codes == null ? List.of("") : codes)
                .query((rs, n) -> byMunicipality.computeIfAbsent(rs.getString(1), k -> new long[13])[12] += rs.getLong(2))
                .list();
        var areas = new LinkedHashMap<String, long[]>();
        if (province == null) {
            for (var p : registry.provinces()) {
                areas.put(p.code().value(), new long[13]);
            }
            areas.put(null, new long[13]);
        }
        else {
            for (var m : registry.inProvince(province)) {
                areas.put(m.code().value(), new long[13]);
            }
        }
        for (var entry : byMunicipality.entrySet()) {
            String area = entry.getKey();
            if (province == null && area != null) {
                area = registry.find(MunicipalityCode.of(area)).map(m -> m.province().value()).orElse(null);
            }
            var target = areas.computeIfAbsent(area, k -> new long[13]);
            for (int i = 0; i < 13; i++) {
                target[i] += entry.getValue()[i];
            }
        }
        var rows = new ArrayList<OverdueRow>();
        var total = new long[13];
        for (var entry : areas.entrySet()) {
            rows.add(row(entry.getKey(), entry.getValue()));
            for (int i = 0; i < 13; i++) {
                total[i] += entry.getValue()[i];
            }
        }
        return new OverdueOverview(today, rows, row(province == null ? "NL" : province.value(), total));
    }

    private static OverdueRow row(String area, long[] counts) {
        var households = new EnumMap<OverdueBand, Long>(OverdueBand.class);
        var persons = new EnumMap<OverdueBand, Long>(OverdueBand.class);
        for (var band : OverdueBand.values()) {
            households.put(band, counts[band.ordinal()]);
            persons.put(band, counts[5 + band.ordinal()]);
        }
        return new OverdueRow(area, households, persons, counts[10], counts[11], counts[12]);
    }

    /** The funnel of an area's households, optionally only those with a permit from {@code permitsFrom}. */
    @Transactional(readOnly = true)
    public Funnel funnel(Area area, LocalDate permitsFrom) {
        return cached(List.of("funnel", area, String.valueOf(permitsFrom)), () -> computeFunnel(area, permitsFrom));
    }

    private Funnel computeFunnel(Area area, LocalDate permitsFrom) {
        var codes = codes(area);
        var filter = (codes == null ? "TRUE" : "municipality_code IN (:codes)")
                + (permitsFrom == null ? "" : " AND permit_date >= :from");
        return jdbc.sql("""
                SELECT count(*), coalesce(sum(persons), 0),
                       count(*) FILTER (WHERE stage <> 'AWAITING_LINK'),
                       coalesce(sum(persons) FILTER (WHERE stage <> 'AWAITING_LINK'), 0),
                       count(*) FILTER (WHERE offered_on IS NOT NULL),
                       coalesce(sum(persons) FILTER (WHERE offered_on IS NOT NULL), 0),
                       count(*) FILTER (WHERE stage = 'HOUSED'), coalesce(sum(persons) FILTER (WHERE stage = 'HOUSED'), 0),
                       count(*) FILTER (WHERE stage = 'HAR'), coalesce(sum(persons) FILTER (WHERE stage = 'HAR'), 0),
                       CASE WHEN count(*) FILTER (WHERE linked_on IS NOT NULL) >= :minimum THEN
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY linked_on - permit_date)
                               FILTER (WHERE linked_on IS NOT NULL) END,
                       CASE WHEN count(*) FILTER (WHERE offered_on IS NOT NULL) >= :minimum THEN
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY offered_on - linked_on)
                               FILTER (WHERE offered_on IS NOT NULL) END,
                       CASE WHEN count(*) FILTER (WHERE moved_on IS NOT NULL AND offered_on IS NOT NULL
                                                  AND har_since IS NULL) >= :minimum THEN
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY moved_on - offered_on)
                               FILTER (WHERE moved_on IS NOT NULL AND offered_on IS NOT NULL AND har_since IS NULL) END,
                       CASE WHEN count(*) FILTER (WHERE har_since IS NOT NULL) >= :minimum THEN
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY har_since - linked_on)
                               FILTER (WHERE har_since IS NOT NULL) END
                FROM household WHERE\s""" + filter)
                .param("codes", codes == null ? List.of("") : codes).param("from", permitsFrom == null ? LocalDate.MIN : permitsFrom)
                .param("minimum", MEDIAN_MINIMUM)
                .query((rs, n) -> new Funnel(new Funnel.Count(rs.getLong(1), rs.getLong(2)),
                        new Funnel.Count(rs.getLong(3), rs.getLong(4)), new Funnel.Count(rs.getLong(5), rs.getLong(6)),
                        new Funnel.Count(rs.getLong(7), rs.getLong(8)), new Funnel.Count(rs.getLong(9), rs.getLong(10)),
                        (Double) rs.getObject(11), (Double) rs.getObject(12), (Double) rs.getObject(13),
                        (Double) rs.getObject(14)))
                .single();
    }

    /** Persons a municipality placed under the HAR, and moved into a home directly, from a date on. */
    public record Counted(long harPersons, long movedPersons) {

        public long total() {
            return harPersons + movedPersons;
        }
    }

    /**
     * What the register shows a municipality did from a date on: persons placed under the HAR and persons
     * moved into a home without a HAR placement first (a move from a HAR place counted already). Counts only.
     */
    @Transactional(readOnly = true)
    public Counted countedSince(MunicipalityCode municipality, LocalDate since) {
        return jdbc.sql("""
                SELECT COALESCE(sum(e.persons) FILTER (WHERE e.kind = 'HAR_PLACED'), 0),
                       COALESCE(sum(e.persons) FILTER (WHERE e.kind = 'MOVED_IN' AND NOT EXISTS (
                           SELECT 1 FROM household_event h WHERE h.household_id = e.household_id AND h.kind = 'HAR_PLACED')), 0)
                FROM household_event e
                WHERE e.municipality_code = :code AND e.occurred_on >= :since AND e.kind IN ('HAR_PLACED', 'MOVED_IN')""")
                .param("code", municipality.value()).param("since", since)
                .query((rs, n) -> new Counted(rs.getLong(1), rs.getLong(2))).single();
    }

    /**
     * Persons counted toward a quota per week (the Monday that starts it) from a date on: each household once,
     * on the day of its HAR placement or its move, whichever came first.
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, Long> countedPerWeek(LocalDate from) {
        var weeks = new java.util.TreeMap<LocalDate, Long>();
        jdbc.sql("""
                SELECT CAST(date_trunc('week', counted_on) AS DATE), sum(counted_persons) FROM household
                WHERE counted_on >= :from GROUP BY 1""").param("from", from)
                .query(rs -> {
                    weeks.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                });
        return weeks;
    }

    /** Households per week and step over the {@code weeks} weeks up to the one holding {@code today}. */
    @Transactional(readOnly = true)
    public WeeklyFlow weeklyFlow(Area area, int weeks, LocalDate today) {
        return cached(List.of("flow", area, weeks, today), () -> computeFlow(area, weeks, today));
    }

    private WeeklyFlow computeFlow(Area area, int weeks, LocalDate today) {
        var lastMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var first = lastMonday.minusWeeks(Math.max(1, weeks) - 1L);
        var mondays = new ArrayList<LocalDate>();
        for (var d = first; !d.isAfter(lastMonday); d = d.plusWeeks(1)) {
            mondays.add(d);
        }
        var households = new LinkedHashMap<String, List<Long>>();
        var persons = new LinkedHashMap<String, List<Long>>();
        for (var kind : WeeklyFlow.KINDS) {
            if (!area.national() && kind.equals("REGISTERED")) {
                continue;
            }
            households.put(kind, new ArrayList<>(java.util.Collections.nCopies(mondays.size(), 0L)));
            persons.put(kind, new ArrayList<>(java.util.Collections.nCopies(mondays.size(), 0L)));
        }
        var codes = codes(area);
        jdbc.sql("""
                SELECT date_trunc('week', occurred_on)::date, kind, count(*), sum(persons) FROM household_event
                WHERE kind IN (:kinds) AND occurred_on >= :from AND occurred_on <= :today AND\s"""
                + (codes == null ? "TRUE" : "municipality_code IN (:codes)") + " GROUP BY 1, 2")
                .param("kinds", List.copyOf(households.keySet())).param("from", first).param("today", today)
                .param("codes", codes == null ? List.of("") : codes)
                .query((rs, n) -> {
                    int index = mondays.indexOf(rs.getObject(1, LocalDate.class));
                    var kind = rs.getString(2);
                    if (index >= 0 && households.containsKey(kind)) {
                        households.get(kind).set(index, rs.getLong(3));
                        persons.get(kind).set(index, rs.getLong(4));
                    }
                    return null;
                }).list();
        return new WeeklyFlow(mondays, households, persons);
    }

    private List<String> codes(Area area) {
        if (area.municipality() != null) {
            return List.of(area.municipality().value());
        }
        if (area.province() != null) {
            var codes = registry.inProvince(area.province()).stream().map(Municipality::code)
                    .map(MunicipalityCode::value).toList();
            return codes.isEmpty() ? List.of("") : codes;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Object key, java.util.function.Supplier<T> compute) {
        var hit = fresh(key);
        if (hit != null) {
            return (T) hit.value();
        }
        // One computation per question at a time: when the kept answer expires under load, the others wait
        // for it instead of all reading the register at once.
        synchronized (computing.computeIfAbsent(key, k -> new Object())) {
            hit = fresh(key);
            if (hit != null) {
                return (T) hit.value();
            }
            long now = System.currentTimeMillis();
            long current = generation.get();
            var value = compute.get();
            if (cache.size() > 1_000) {
                cache.clear();
                computing.clear();
            }
            cache.put(key, new Cached(current, now, value));
            return value;
        }
    }

    private Cached fresh(Object key) {
        var hit = cache.get(key);
        return hit != null && hit.generation() == generation.get()
                && System.currentTimeMillis() - hit.at() < FRESH_MILLIS ? hit : null;
    }

    // Only a cache is dropped, so after completion rather than after commit: Spring Modulith keeps a
    // publication row for every after-commit listener, which cost a write, a delete and two commits per
    // household step (thousands when a register is taken over); dropping the cache after a rollback is harmless.
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(HouseholdLinked event) {
        generation.incrementAndGet();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(LinkCancelled event) {
        generation.incrementAndGet();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(HouseholdsChanged event) {
        generation.incrementAndGet();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(HouseholdHoused event) {
        generation.incrementAndGet();
    }
}
