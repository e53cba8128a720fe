package nl.doorstroom.quota;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national number of permit holders to house per half-year (vg), with its history: every entry
 * is kept, and an adjustment during the period is a new entry with its date and reason.
 */
@Service
public class NationalTotals {

    /** Ministry analysts and administrators enter and adjust national totals. */
    public static final Set<Role> EDITORS = Set.of(Role.MINISTRY_ANALYST, Role.ADMINISTRATOR);

    static final int MAXIMUM = 1_000_000;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    NationalTotals(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public static boolean mayEdit() {
        return CurrentUser.get().map(u -> EDITORS.contains(u.role())).orElse(false);
    }

    /** Every entry of every half-year, newest half-year first, entries in the order they took effect. */
    @Transactional(readOnly = true)
    public List<NationalTotal> all() {
        return jdbc.sql(SELECT + " ORDER BY year DESC, half DESC, effective_date, id").query(NationalTotals::map).list();
    }

    /** The entries of one half-year in the order they took effect. */
    @Transactional(readOnly = true)
    public List<NationalTotal> history(HalfYear period) {
        return jdbc.sql(SELECT + " WHERE year = :year AND half = :half ORDER BY effective_date, id")
                .param("year", period.year()).param("half", period.half())
                .query(NationalTotals::map).list();
    }

    /** The total in force on a date: the entry with the latest effective date on or before it. */
    @Transactional(readOnly = true)
    public Optional<NationalTotal> inForce(HalfYear period, LocalDate date) {
        return history(period).stream().filter(t -> !t.effectiveDate().isAfter(date))
                .max(Comparator.comparing(NationalTotal::effectiveDate).thenComparing(NationalTotal::id));
    }

    /** The latest entry, whatever its date. */
    @Transactional(readOnly = true)
    public Optional<NationalTotal> latest(HalfYear period) {
        return history(period).stream()
                .max(Comparator.comparing(NationalTotal::effectiveDate).thenComparing(NationalTotal::id));
    }

    @Transactional(readOnly = true)
    public Optional<NationalTotal> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(NationalTotals::map).optional();
    }

    /**
     * Enters the total for a half-year, or adjusts it: the first entry is the total, a later one
     * the adjusted total from its effective date, which is not before that of the latest entry.
     */
    @Transactional
    public NationalTotal enter(HalfYear period, Integer total, LocalDate effectiveDate, String reason) {
        return enter(period, total, effectiveDate, reason, false);
    }

    /** As {@link #enter}, for demo data, which is labelled synthetic wherever it shows. */
    @Transactional
    public NationalTotal enterSynthetic(HalfYear period, int total, LocalDate effectiveDate, String reason) {
        return enter(period, total, effectiveDate, reason, true);
    }

    private NationalTotal enter(HalfYear period, Integer total, LocalDate effectiveDate, String reason,
            boolean synthetic) {
        if (!mayEdit()) {
            throw new AccessDeniedException("Only ministry analysts and administrators enter national totals");
        }
        var problems = new ArrayList<Problem>();
        if (period == null) {
            problems.add(Problem.of("period", "quota.period.required"));
        }
        if (total == null) {
            problems.add(Problem.of("total", "quota.total.required"));
        }
        else if (total < 0 || total > MAXIMUM) {
            problems.add(Problem.of("total", "quota.total.range", MAXIMUM));
        }
        if (effectiveDate == null) {
            problems.add(Problem.of("effectiveDate", "quota.effectiveDate.required"));
        }
        else if (period != null && effectiveDate.isAfter(period.end())) {
            problems.add(Problem.of("effectiveDate", "quota.effectiveDate.afterPeriod", period.toString()));
        }
        else if (period != null) {
            // An entry dated before the latest would never be in force: the latest entry replaces it from its own date.
            latest(period).filter(l -> effectiveDate.isBefore(l.effectiveDate())).ifPresent(l -> problems.add(
                    Problem.of("effectiveDate", "quota.effectiveDate.beforeLatest", l.effectiveDate().toString(),
                            period.toString())));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(Problem.of("reason", "quota.reason.required"));
        }
        else if (reason.strip().length() > 500) {
            problems.add(Problem.of("reason", "quota.reason.tooLong", 500));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                INSERT INTO national_total (year, half, total, effective_date, reason, synthetic, entered_by)
                VALUES (:year, :half, :total, :date, :reason, :synthetic, :by) RETURNING id""")
                .param("year", period.year()).param("half", period.half())
                .param("total", total).param("date", effectiveDate).param("reason", reason.strip())
                .param("synthetic", synthetic).param("by", CurrentUser.actor())
                .query(Long.class).single();
        audit.recordChange("national-total.entered", "national-total", id,
                "period=" + period + " total=" + total + " effective=" + effectiveDate);
        return find(id).orElseThrow();
    }

    private static final String SELECT = """
            SELECT id, year, half, total, effective_date, reason, synthetic, entered_by, entered_at
            FROM national_total""";

    private static NationalTotal map(ResultSet rs, int row) throws SQLException {
        return new NationalTotal(rs.getLong("id"), new HalfYear(rs.getInt("year"), rs.getInt("half")),
                rs.getInt("total"), rs.getObject("effective_date", LocalDate.class), rs.getString("reason"),
                rs.getBoolean("synthetic"), rs.getString("entered_by"), rs.getTimestamp("entered_at").toInstant());
    }
}
