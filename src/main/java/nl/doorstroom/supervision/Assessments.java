package nl.doorstroom.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.progress.Colour;
import nl.doorstroom.progress.MunicipalityProgress;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.progress.ProgressPicture;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assessment of every municipality on each cut-off date (1 January, 1 July). The progress figures
 * propose a colour with the province's own thresholds once the half-year has ended and its last month
 * is reported; the province confirms it or overrides it with a reason, which may be "does not comply but
 * excusable".
 */
@Service
public class Assessments {

    public static final int MAX_REASON = 2000;

    private final JdbcClient jdbc;
    private final ProgressMonitor progress;
    private final MunicipalityRegistry registry;
    private final AuditTrail audit;

    Assessments(JdbcClient jdbc, ProgressMonitor progress, MunicipalityRegistry registry, AuditTrail audit) {
        this.jdbc = jdbc;
        this.progress = progress;
        this.registry = registry;
        this.audit = audit;
    }

    private static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    /** The half-years whose cut-off date has passed with their figures complete, newest first. */
    @Transactional(readOnly = true)
    public List<HalfYear> assessedPeriods() {
        var picture = progress.at(today());
        return picture.municipalities().stream().findFirst()
                .map(m -> m.history().stream().filter(p -> p.complete()).map(p -> p.period())
                        .sorted(Comparator.reverseOrder()).toList())
                .orElse(List.of());
    }

    /**
     * Every municipality's assessment for an assessed half-year that the reader sees, in a province or
     * (null) all of them.
     */
    @Transactional(readOnly = true)
    public List<AssessmentRow> forPeriod(HalfYear period, ProvinceCode province) {
        var user = Supervisors.requireReader();
        var picture = progress.at(today());
        var decided = decided(null);
        var rows = new ArrayList<AssessmentRow>();
        for (var m : picture.municipalities()) {
            if (province != null && !province.equals(m.province())) {
                continue;
            }
            if (!user.scope().covers(m.code(), m.province())) {
                continue;
            }
            rowOf(m, period, decided).ifPresent(rows::add);
        }
        rows.sort(Comparator.comparing(AssessmentRow::name));
        return rows;
    }

    /** A municipality's assessments, newest first. */
    @Transactional(readOnly = true)
    public AssessmentHistory history(MunicipalityCode code) {
        var municipality = registry.find(code).orElseThrow(() -> new SupervisionNotFound("municipality " + code));
        if (!Supervisors.maySee(code, municipality.province())) {
            throw new AccessDeniedException("Not in the reader's scope");
        }
        return historiesOf(progress.at(today()), decided(code)).getOrDefault(code,
                new AssessmentHistory(code, municipality.name(), List.of()));
    }

    /** Every municipality's history, for the province's policy (no scope: used by the system). */
    @Transactional(readOnly = true)
    Map<MunicipalityCode, AssessmentHistory> histories() {
        return historiesOf(progress.at(today()), decided(null));
    }

    private Map<MunicipalityCode, AssessmentHistory> historiesOf(ProgressPicture picture,
            Map<String, Assessment> decided) {
        var all = new LinkedHashMap<MunicipalityCode, AssessmentHistory>();
        for (var m : picture.municipalities()) {
            var rows = new ArrayList<AssessmentRow>();
            for (int i = m.history().size() - 1; i >= 0; i--) {
                rowOf(m, m.history().get(i).period(), decided).ifPresent(rows::add);
            }
            all.put(m.code(), new AssessmentHistory(m.code(), m.name(), List.copyOf(rows)));
        }
        return all;
    }

    private static java.util.Optional<AssessmentRow> rowOf(MunicipalityProgress m, HalfYear period,
            Map<String, Assessment> decided) {
        return m.history().stream().filter(p -> p.period().equals(period) && p.complete()).findFirst()
                .map(p -> new AssessmentRow(m.code(), m.name(), m.province(), period, p.colour(), p.correctedQuota(),
                        p.housed(), p.excused(), decided.get(m.code().value() + "/" + period)));
    }

    private Map<String, Assessment> decided(MunicipalityCode only) {
        var found = new HashMap<String, Assessment>();
        jdbc.sql("""
                SELECT municipality_code, year, half, proposed_colour, outcome, colour, reason, corrected_quota, housed,
                       decided_by, decided_at, version
                FROM assessment WHERE CAST(:m AS text) IS NULL OR municipality_code = :m""")
                .param("m", only == null ? null : only.value())
                .query(rs -> {
                    var a = new Assessment(MunicipalityCode.of(rs.getString(1)), new HalfYear(rs.getInt(2), rs.getInt(3)),
                            Colour.valueOf(rs.getString(4)), Assessment.Outcome.valueOf(rs.getString(5)),
                            Colour.valueOf(rs.getString(6)), rs.getString(7), rs.getLong(8), rs.getLong(9),
                            rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getInt(12));
                    found.put(a.municipality().value() + "/" + a.period(), a);
                });
        return found;
    }

    /**
     * The province decides a municipality's assessment: confirms the proposal, overrides it with another
     * colour and a reason, or records "does not comply but excusable" with a reason.
     *
     * @param colour the colour for an override; ignored otherwise
     * @param expectedVersion the version the user saw (-1 while undecided); refused when changed since
     */
    @Transactional
    public Assessment decide(MunicipalityCode code, HalfYear period, Assessment.Outcome outcome, Colour colour,
            String reason, int expectedVersion) {
        var municipality = code == null ? null : registry.find(code).orElse(null);
        if (municipality == null) {
            throw InvalidInput.of("municipality", "supervision.municipality.unknown");
        }
        Supervisors.requireSupervisor(municipality.province());
        var problems = new ArrayList<Problem>();
        var row = period == null ? null : rowOf(progress.at(today()).municipality(code).orElse(null), period);
        if (period == null) {
            problems.add(Problem.of("period", "supervision.period.required"));
        }
        else if (row == null) {
            problems.add(Problem.of("period", "supervision.assessment.notAssessed", period.toString()));
        }
        if (outcome == null) {
            problems.add(Problem.of("outcome", "supervision.assessment.outcomeRequired"));
        }
        var text = reason == null ? "" : reason.strip();
        if (outcome != null && outcome != Assessment.Outcome.CONFIRMED && text.isEmpty()) {
            problems.add(Problem.of("reason", "supervision.reason.required"));
        }
        if (text.length() > MAX_REASON) {
            problems.add(Problem.of("reason", "supervision.reason.tooLong", MAX_REASON));
        }
        Colour decidedColour = row == null ? null : row.proposed();
        if (outcome == Assessment.Outcome.OVERRIDDEN) {
            if (colour == null) {
                problems.add(Problem.of("colour", "supervision.assessment.colourRequired"));
            }
            else if (row != null && colour == row.proposed()) {
                problems.add(Problem.of("colour", "supervision.assessment.sameColour"));
            }
            decidedColour = colour;
        }
        // "Does not comply but excusable" is for a municipality that missed; a green one complied.
        if (outcome == Assessment.Outcome.EXCUSABLE && row != null && row.proposed() == Colour.GREEN) {
            problems.add(Problem.of("outcome", "supervision.assessment.excusableGreen"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int rows;
        var params = new HashMap<String, Object>();
        params.put("m", code.value());
        params.put("y", period.year());
        params.put("h", period.half());
        params.put("p", row.proposed().name());
        params.put("o", outcome.name());
        params.put("c", decidedColour.name());
        params.put("r", text.isEmpty() ? null : text);
        params.put("q", row.correctedQuota());
        params.put("housed", row.housed());
        params.put("by", CurrentUser.actor());
        params.put("v", expectedVersion);
        if (expectedVersion < 0) {
            rows = jdbc.sql("""
                    INSERT INTO assessment (municipality_code, year, half, proposed_colour, outcome, colour, reason,
                                            corrected_quota, housed, decided_by)
                    VALUES (:m, :y, :h, :p, :o, :c, :r, :q, :housed, :by) ON CONFLICT DO NOTHING""").params(params).update();
        }
        else {
            rows = jdbc.sql("""
                    UPDATE assessment SET proposed_colour = :p, outcome = :o, colour = :c, reason = :r,
                           corrected_quota = :q, housed = :housed, decided_by = :by, decided_at = now(),
                           version = version + 1
                    WHERE municipality_code = :m AND year = :y AND half = :h AND version = :v""").params(params).update();
        }
        if (rows != 1) {
            throw new EditConflict("assessment " + code.value() + " " + period);
        }
        audit.recordChange("assessment.decided", "municipality", code.value(),
                "period=" + period + " outcome=" + outcome + " colour=" + decidedColour + " proposed=" + row.proposed());
        return decided(code).get(code.value() + "/" + period);
    }

    /** Confirms every undecided proposal of a province for a half-year; returns how many. */
    @Transactional
    public int confirmAll(ProvinceCode province, HalfYear period) {
        Supervisors.requireSupervisor(province);
        int confirmed = 0;
        for (var row : forPeriod(period, province)) {
            if (row.pending()) {
                decide(row.code(), period, Assessment.Outcome.CONFIRMED, null, null, -1);
                confirmed++;
            }
        }
        return confirmed;
    }

    private static AssessmentRow rowOf(MunicipalityProgress m, HalfYear period) {
        return m == null ? null : rowOf(m, period, Map.of()).orElse(null);
    }
}
