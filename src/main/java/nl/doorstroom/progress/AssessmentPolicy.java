package nl.doorstroom.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each province assesses its municipalities on the cut-off dates: its thresholds, and the
 * shortfalls it has recorded as excusable.
 */
@Service
public class AssessmentPolicy {

    /** Province supervisors (for their own province) and administrators set thresholds and excuses. */
    public static final java.util.Set<Role> ASSESSORS = java.util.Set.of(Role.PROVINCE_SUPERVISOR, Role.ADMINISTRATOR);

    private final JdbcClient jdbc;
    private final MunicipalityRegistry registry;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    AssessmentPolicy(JdbcClient jdbc, MunicipalityRegistry registry, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.registry = registry;
        this.audit = audit;
    }

    /** A province's own supervisors and administrators set its thresholds and excuses. */
    public boolean mayAssess(ProvinceCode province) {
        return CurrentUser.get().map(u -> u.role() == Role.ADMINISTRATOR
                || (u.role() == Role.PROVINCE_SUPERVISOR && u.scope().coversProvince(province))).orElse(false);
    }

    /** The thresholds of every province (the default where a province set none). */
    @Transactional(readOnly = true)
    public Map<ProvinceCode, Thresholds> thresholds() {
        var set = new HashMap<ProvinceCode, Thresholds>();
        jdbc.sql("SELECT province_code, green_percent, orange_percent, version FROM assessment_threshold")
                .query((rs, n) -> set.put(ProvinceCode.of(rs.getString(1)), new Thresholds(ProvinceCode.of(rs.getString(1)),
                        rs.getBigDecimal(2), rs.getBigDecimal(3), false, rs.getInt(4))))
                .list();
        var all = new HashMap<ProvinceCode, Thresholds>();
        registry.provinces().forEach(p -> all.put(p.code(), set.getOrDefault(p.code(), Thresholds.defaultFor(p.code()))));
        return all;
    }

    /**
     * Sets a province's thresholds.
     *
     * @param expectedVersion the version the user saw (-1 when the province still had the default);
     *        refused when someone else changed them since
     */
    @Transactional
    public Thresholds change(ProvinceCode province, BigDecimal green, BigDecimal orange, int expectedVersion) {
        if (!mayAssess(province)) {
            throw new AccessDeniedException("Only the province's supervisors or an administrator set its thresholds");
        }
        var problems = new ArrayList<Problem>();
        if (green == null || green.signum() <= 0 || green.compareTo(BigDecimal.valueOf(200)) > 0) {
            problems.add(Problem.of("greenPercent", "thresholds.green.range"));
        }
        if (orange == null || orange.signum() < 0) {
            problems.add(Problem.of("orangePercent", "thresholds.orange.range"));
        }
        else if (green != null && orange.compareTo(green) > 0) {
            problems.add(Problem.of("orangePercent", "thresholds.orange.aboveGreen"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int rows;
        if (expectedVersion < 0) {
            rows = jdbc.sql("""
                    INSERT INTO assessment_threshold (province_code, green_percent, orange_percent, changed_by)
                    VALUES (:p, :g, :o, :by) ON CONFLICT (province_code) DO NOTHING""")
                    .param("p", province.value()).param("g", green).param("o", orange).param("by", CurrentUser.actor())
                    .update();
        }
        else {
            rows = jdbc.sql("""
                    UPDATE assessment_threshold SET green_percent = :g, orange_percent = :o, changed_by = :by,
                           changed_at = now(), version = version + 1
                    WHERE province_code = :p AND version = :v""")
                    .param("p", province.value()).param("g", green).param("o", orange).param("by", CurrentUser.actor())
                    .param("v", expectedVersion).update();
        }
        if (rows != 1) {
            throw new EditConflict("thresholds " + province.value());
        }
        events.publishEvent(new AssessmentPolicyChanged(province));
        audit.recordChange("thresholds.changed", "province", province.value(), "green=" + green + " orange=" + orange);
        return thresholds().get(province);
    }

    @Transactional(readOnly = true)
    public List<Excuse> excuses() {
        return jdbc.sql("""
                SELECT id, municipality_code, year, half, reason, recorded_by, recorded_at FROM excused_shortfall
                ORDER BY year DESC, half DESC, municipality_code""")
                .query((rs, n) -> new Excuse(rs.getLong(1), MunicipalityCode.of(rs.getString(2)),
                        new HalfYear(rs.getInt(3), rs.getInt(4)), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /**
     * Records that a municipality did not comply in a half-year, but excusably. Only after the
     * half-year's cut-off date, once per municipality and half-year.
     */
    @Transactional
    public Excuse excuse(MunicipalityCode municipality, HalfYear period, String reason) {
        var found = municipality == null ? null : registry.find(municipality).orElse(null);
        if (found == null) {
            throw InvalidInput.of("municipality", "excuse.municipality.unknown");
        }
        if (!mayAssess(found.province())) {
            throw new AccessDeniedException("Only the province's supervisors or an administrator record an excuse");
        }
        var problems = new ArrayList<Problem>();
        if (period == null) {
            problems.add(Problem.of("period", "quota.period.required"));
        }
        else if (!period.end().isBefore(LocalDate.now(AuditTrail.ZONE))) {
            problems.add(Problem.of("period", "excuse.period.notEnded", period.toString()));
        }
        else if (excuses().stream().anyMatch(e -> e.municipality().equals(municipality) && e.period().equals(period))) {
            problems.add(Problem.of("period", "excuse.duplicate", period.toString()));
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
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO excused_shortfall (municipality_code, year, half, reason, recorded_by)
                    VALUES (:m, :y, :h, :r, :by) RETURNING id""")
                    .param("m", municipality.value()).param("y", period.year()).param("h", period.half())
                    .param("r", reason.strip()).param("by", CurrentUser.actor()).query(Long.class).single();
        }
        catch (org.springframework.dao.DuplicateKeyException e) {
            // Someone recorded the same excuse a moment ago.
            throw InvalidInput.of("period", "excuse.duplicate", period.toString());
        }
        events.publishEvent(new AssessmentPolicyChanged(found.province()));
        audit.recordChange("excuse.recorded", "municipality", municipality.value(), "period=" + period);
        return excuses().stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    String stamp() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM excused_shortfall) || '.' || (SELECT coalesce(max(id), 0) FROM excused_shortfall)
                    || '.' || (SELECT count(*) FROM assessment_threshold) || '.'
                    || (SELECT coalesce(sum(version), 0) FROM assessment_threshold)""").query(String.class).single();
    }
}
