package nl.doorstroom.progress;

import java.io.Reader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.quota.Mergers;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.permitholders.HouseholdHoused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The number of permit holders housed per municipality and month. Every delivered figure of COA's
 * monthly file is kept, and the latest delivery for a municipality and month is COA's number. Housing
 * events (a household moved into a home or was placed under the HAR) are counted per municipality and
 * month as they happen; for a month that has any, they replace COA's number, and {@link #reconciliation()}
 * lists every month where the two differ.
 */
@Service
public class Realisation {

    /** Roles that import COA's monthly figures. */
    public static final Set<Role> IMPORTERS = Set.of(Role.COA_PLANNER, Role.NATIONAL_COORDINATOR, Role.ADMINISTRATOR);

    private final JdbcClient jdbc;
    private final MunicipalityRegistry registry;
    private final Mergers mergers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Realisation(JdbcClient jdbc, MunicipalityRegistry registry, Mergers mergers, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.registry = registry;
        this.mergers = mergers;
        this.audit = audit;
    }

    public static boolean mayImport() {
        return CurrentUser.get().map(u -> IMPORTERS.contains(u.role())).orElse(false);
    }

    /**
     * Imports COA's monthly figures. All or nothing: any bad row refuses the whole file, with every
     * problem by row and column.
     */
    @Transactional
    public RealisationImport importFile(Reader csv, String label) {
        if (!mayImport()) {
            throw new AccessDeniedException("Only COA planners, coordinators and administrators import figures");
        }
        var merged = mergers.all();
        var figures = RealisationFile.read(csv, registry::exists, YearMonth.now(AuditTrail.ZONE), (code, month) -> merged
                .stream().filter(m -> m.absorbs(code, HalfYear.containing(month.atDay(1)))).findFirst()
                .map(m -> List.<Object>of(code.value(), m.successor().value(), m.effective().toString())).orElse(null));
        var name = label == null || label.isBlank() ? "COA maandcijfers" : label.strip();
        if (name.length() > 200) {
            throw InvalidInput.of("label", "realisation.label.tooLong", 200);
        }
        return store(figures, "COA_IMPORT", name);
    }

    /** Stores figures from another source (the demo scenario). */
    @Transactional
    public RealisationImport record(List<MonthlyFigure> figures, String source, String label) {
        return store(figures, source, label);
    }

    private RealisationImport store(List<MonthlyFigure> figures, String source, String label) {
        long id = jdbc.sql("""
                INSERT INTO realisation_import (source, label, row_count, imported_by)
                VALUES (:source, :label, :rows, :by) RETURNING id""")
                .param("source", source).param("label", label).param("rows", figures.size())
                .param("by", CurrentUser.actor()).query(Long.class).single();
        for (int from = 0; from < figures.size(); from += 1000) {
            var chunk = figures.subList(from, Math.min(figures.size(), from + 1000));
            var values = new StringBuilder();
            var params = new HashMap<String, Object>();
            for (int i = 0; i < chunk.size(); i++) {
                values.append(i == 0 ? "" : ",").append("(:id, :c").append(i).append(", :m").append(i).append(", :p")
                        .append(i).append(")");
                params.put("c" + i, chunk.get(i).municipality().value());
                params.put("m" + i, chunk.get(i).month().atDay(1));
                params.put("p" + i, chunk.get(i).persons());
            }
            params.put("id", id);
            jdbc.sql("INSERT INTO realisation_figure (import_id, municipality_code, month, persons) VALUES " + values)
                    .params(params).update();
        }
        jdbc.sql("""
                INSERT INTO realisation_month (municipality_code, month, persons, import_id)
                SELECT municipality_code, month, persons, import_id FROM realisation_figure WHERE import_id = :id
                ON CONFLICT (municipality_code, month)
                DO UPDATE SET persons = EXCLUDED.persons, import_id = EXCLUDED.import_id
                WHERE realisation_month.import_id < EXCLUDED.import_id""")
                .param("id", id).update();
        events.publishEvent(new RealisationImported(id, source, figures.size()));
        audit.recordChange("realisation.imported", "realisation-import", id, "source=" + source + " rows=" + figures.size());
        return imports().stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<RealisationImport> imports() {
        return jdbc.sql("""
                SELECT id, source, label, row_count, imported_by, imported_at FROM realisation_import ORDER BY id DESC""")
                .query((rs, n) -> new RealisationImport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /**
     * The number housed per municipality and half-year, counting the months that started on or
     * before {@code asOf}.
     */
    @Transactional(readOnly = true)
    public Map<MunicipalityCode, Map<HalfYear, Long>> housedByPeriod(LocalDate asOf) {
        var housed = new HashMap<MunicipalityCode, Map<HalfYear, Long>>();
        jdbc.sql("""
                SELECT municipality_code, extract(year FROM month)::int AS y,
                       CASE WHEN extract(month FROM month) <= 6 THEN 1 ELSE 2 END AS h, sum(persons) AS n
                FROM realisation_counted WHERE month <= :asOf
                GROUP BY municipality_code, y, h""")
                .param("asOf", asOf)
                .query((rs, n) -> {
                    housed.computeIfAbsent(MunicipalityCode.of(rs.getString(1)), k -> new HashMap<>())
                            .put(new HalfYear(rs.getInt(2), rs.getInt(3)), rs.getLong(4));
                    return null;
                }).list();
        return housed;
    }

    /**
     * The last month, up to the date, for which COA delivered figures for at least half of the
     * municipalities. COA reports a month after it ends, so the pace is measured up to the end of this
     * month, not up to the date; one early figure for one municipality does not move it. Housing events
     * do not move it either: a month in which many municipalities recorded housings is still incomplete
     * for those that did not, until COA has reported it.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<YearMonth> lastReportedMonth(LocalDate asOf) {
        return java.util.Optional.ofNullable(jdbc.sql("""
                SELECT max(month) FROM (SELECT month FROM realisation_month WHERE month <= :asOf
                                        GROUP BY month HAVING count(*) * 2 >= :municipalities) reported""")
                .param("asOf", asOf).param("municipalities", registry.all().size())
                .query(LocalDate.class).single()).map(YearMonth::from);
    }

    /**
     * One delivery of a municipality's figure for a month, for months with more than one delivery:
     * where COA's file and other sources (or a later correction) differ, and which one counts.
     */
    public record Delivery(YearMonth month, int persons, long importId, String source, java.time.Instant deliveredAt,
            boolean counts) {
    }

    /** The months of a municipality that were delivered more than once, with every delivery, oldest first. */
    @Transactional(readOnly = true)
    public List<Delivery> correctionsOf(MunicipalityCode code) {
        return jdbc.sql("""
                SELECT f.month, f.persons, f.import_id, i.source, i.imported_at,
                       f.import_id = m.import_id AND NOT EXISTS (SELECT 1 FROM housing_event_month e
                           WHERE e.municipality_code = f.municipality_code AND e.month = f.month) AS counts
                FROM realisation_figure f
                JOIN realisation_import i ON i.id = f.import_id
                JOIN realisation_month m ON m.municipality_code = f.municipality_code AND m.month = f.month
                WHERE f.municipality_code = :code
                  AND f.month IN (SELECT month FROM realisation_figure WHERE municipality_code = :code
                                  GROUP BY month HAVING count(*) > 1)
                ORDER BY f.month, f.import_id""")
                .param("code", code.value())
                .query((rs, n) -> new Delivery(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getInt(2),
                        rs.getLong(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getBoolean(6)))
                .list();
    }

    /** One municipality's monthly figures, oldest first. */
    @Transactional(readOnly = true)
    public List<MonthlyFigure> monthlyOf(MunicipalityCode code) {
        return jdbc.sql("SELECT month, persons FROM realisation_counted WHERE municipality_code = :code ORDER BY month")
                .param("code", code.value())
                .query((rs, n) -> new MonthlyFigure(code, YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getInt(2)))
                .list();
    }

    /** Every municipality's figures from a month on, in one read, by month then code. */
    @Transactional(readOnly = true)
    public List<MonthlyFigure> monthlyFrom(YearMonth from) {
        return jdbc.sql("""
                SELECT municipality_code, month, persons FROM realisation_counted WHERE month >= :from
                ORDER BY month, municipality_code""")
                .param("from", from.atDay(1))
                .query((rs, n) -> new MonthlyFigure(MunicipalityCode.of(rs.getString(1)),
                        YearMonth.from(rs.getObject(2, LocalDate.class)), rs.getInt(3)))
                .list();
    }

    /** The national number housed per month, oldest first. */
    @Transactional(readOnly = true)
    public Map<YearMonth, Long> nationalMonthly() {
        var months = new TreeMap<YearMonth, Long>();
        jdbc.sql("SELECT month, sum(persons) FROM realisation_counted GROUP BY month")
                .query((rs, n) -> months.put(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getLong(2))).list();
        return months;
    }

    /**
     * A municipality and month counted both by COA's file and by housing events.
     *
     * @param imported COA's latest delivered number
     * @param fromEvents the persons of the households that moved or were placed under the HAR that month
     */
    public record Reconciliation(MunicipalityCode municipality, YearMonth month, int imported, int fromEvents,
            int households) {

        public int difference() {
            return fromEvents - imported;
        }
    }

    /** Every municipality and month that both sources count, where they differ, by month then code. */
    @Transactional(readOnly = true)
    public List<Reconciliation> reconciliation() {
        return differences("TRUE", null);
    }

    /** The months of one municipality that both sources count, where they differ, latest first. */
    @Transactional(readOnly = true)
    public List<Reconciliation> reconciliationOf(MunicipalityCode code) {
        return differences("m.municipality_code = :code", code.value());
    }

    private List<Reconciliation> differences(String condition, String code) {
        return jdbc.sql("""
                SELECT m.municipality_code, m.month, m.persons, e.persons, e.households
                FROM realisation_month m
                JOIN housing_event_month e ON e.municipality_code = m.municipality_code AND e.month = m.month
                WHERE m.persons <> e.persons AND\s""" + condition + " ORDER BY m.month DESC, m.municipality_code")
                .param("code", code == null ? "" : code)
                .query((rs, n) -> new Reconciliation(MunicipalityCode.of(rs.getString(1)),
                        YearMonth.from(rs.getObject(2, LocalDate.class)), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .list();
    }

    /**
     * How the sources compare: municipality-months counted by both, of which agreeing, and counted by
     * housing events only (COA's file has not reported them).
     */
    public record Agreement(long both, long agreeing, long eventsOnly) {
    }

    @Transactional(readOnly = true)
    public Agreement agreement() {
        return jdbc.sql("""
                SELECT count(m.month), count(m.month) FILTER (WHERE m.persons = e.persons),
                       count(*) FILTER (WHERE m.month IS NULL)
                FROM housing_event_month e
                LEFT JOIN realisation_month m ON e.municipality_code = m.municipality_code AND e.month = m.month""")
                .query((rs, n) -> new Agreement(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /**
     * Counts a household that moved into a home or was placed under the HAR toward its municipality's
     * month, in the transaction that recorded it: the step and its count commit together or not at all.
     */
    @EventListener
    void on(HouseholdHoused event) {
        jdbc.sql("""
                INSERT INTO housing_event_month (municipality_code, month, persons, households, revision)
                VALUES (:code, :month, :persons, 1, nextval('housing_event_revision'))
                ON CONFLICT (municipality_code, month) DO UPDATE
                SET persons = housing_event_month.persons + EXCLUDED.persons,
                    households = housing_event_month.households + 1, revision = EXCLUDED.revision""")
                .param("code", event.municipality().value()).param("month", event.countedOn().withDayOfMonth(1))
                .param("persons", event.persons()).update();
    }

    /** Changes whenever a figure arrives; part of the progress monitor's cache key. */
    @Transactional(readOnly = true)
    String stamp() {
        // Count and maximum: ids are handed out at insert, not at commit, so an import that commits after a
        // later one leaves the maximum alone but not the count.
        // Housing events: the sum of revisions grows with every change to any month.
        return jdbc.sql("""
                SELECT (SELECT count(*) || '.' || coalesce(max(id), 0) FROM realisation_import) || '.'
                       || (SELECT count(*) || '.' || coalesce(sum(revision), 0) FROM housing_event_month)""")
                .query(String.class).single();
    }
}
