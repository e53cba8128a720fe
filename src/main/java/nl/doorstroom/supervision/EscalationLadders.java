package nl.doorstroom.supervision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each province's escalation ladder, kept as data: the default until the province sets its own. */
@Service
public class EscalationLadders {

    private final JdbcClient jdbc;
    private final MunicipalityRegistry registry;
    private final AuditTrail audit;

    EscalationLadders(JdbcClient jdbc, MunicipalityRegistry registry, AuditTrail audit) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public EscalationLadder of(ProvinceCode province) {
        return all().getOrDefault(province, EscalationLadder.defaultFor(province));
    }

    /** Every province's ladder. */
    @Transactional(readOnly = true)
    public Map<ProvinceCode, EscalationLadder> all() {
        var steps = new HashMap<ProvinceCode, List<LadderStep>>();
        jdbc.sql("SELECT province_code, step_key, kind, name, term_days FROM escalation_ladder_step ORDER BY province_code, position")
                .query(rs -> {
                    steps.computeIfAbsent(ProvinceCode.of(rs.getString(1)), k -> new ArrayList<>())
                            .add(new LadderStep(rs.getString(2), StepKind.valueOf(rs.getString(3)), rs.getString(4),
                                    (Integer) rs.getObject(5)));
                });
        var own = new HashMap<ProvinceCode, EscalationLadder>();
        jdbc.sql("SELECT province_code, open_after_missed, version FROM escalation_ladder").query(rs -> {
            var province = ProvinceCode.of(rs.getString(1));
            own.put(province, new EscalationLadder(province, List.copyOf(steps.getOrDefault(province, List.of())),
                    (Integer) rs.getObject(2), false, rs.getInt(3)));
        });
        var all = new java.util.LinkedHashMap<ProvinceCode, EscalationLadder>();
        registry.provinces().forEach(p -> all.put(p.code(), own.getOrDefault(p.code(), EscalationLadder.defaultFor(p.code()))));
        return all;
    }

    /**
     * Sets a province's ladder. Steps of kind OTHER without a key get a new one; a step keeps its key
     * when its kind stays, so open cases keep their place on the ladder.
     *
     * @param expectedVersion the version the user saw (-1 for the default); refused when changed since
     */
    @Transactional
    public EscalationLadder change(ProvinceCode province, List<LadderStep> steps, Integer openAfterMissed,
            int expectedVersion) {
        Supervisors.requireSupervisor(province);
        var problems = EscalationLadder.problemsOf(steps, openAfterMissed);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int rows;
        if (expectedVersion < 0) {
            rows = jdbc.sql("""
                    INSERT INTO escalation_ladder (province_code, open_after_missed, changed_by) VALUES (:p, :n, :by)
                    ON CONFLICT (province_code) DO NOTHING""")
                    .param("p", province.value()).param("n", openAfterMissed).param("by", CurrentUser.actor()).update();
        }
        else {
            rows = jdbc.sql("""
                    UPDATE escalation_ladder SET open_after_missed = :n, changed_by = :by, changed_at = now(),
                           version = version + 1
                    WHERE province_code = :p AND version = :v""")
                    .param("p", province.value()).param("n", openAfterMissed).param("by", CurrentUser.actor())
                    .param("v", expectedVersion).update();
        }
        if (rows != 1) {
            throw new EditConflict("ladder " + province.value());
        }
        jdbc.sql("DELETE FROM escalation_ladder_step WHERE province_code = :p").param("p", province.value()).update();
        int others = steps.stream().filter(s -> s.key() != null && s.key().matches("OTHER-\\d{1,6}"))
                .mapToInt(s -> Integer.parseInt(s.key().substring(6))).max().orElse(0);
        var summary = new StringBuilder();
        var keys = new java.util.HashSet<String>();
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            String key = step.key();
            if (step.kind() != StepKind.OTHER) {
                key = step.kind().name();
            }
            // A province's own step keeps its key; a new one, or a key given twice, gets a new one.
            else if (key == null || !key.matches("OTHER-\\d{1,6}") || keys.contains(key)) {
                key = "OTHER-" + (++others);
            }
            keys.add(key);
            jdbc.sql("""
                    INSERT INTO escalation_ladder_step (province_code, position, step_key, kind, name, term_days)
                    VALUES (:p, :i, :k, :kind, :name, :term)""")
                    .param("p", province.value()).param("i", i).param("k", key).param("kind", step.kind().name())
                    .param("name", step.named() ? step.name().strip() : null).param("term", step.termDays()).update();
            summary.append(i == 0 ? "" : ", ").append(key).append('=').append(step.termDays());
        }
        audit.recordChange("ladder.changed", "province", province.value(),
                summary + (openAfterMissed == null ? "" : "; open after " + openAfterMissed + " missed"));
        return of(province);
    }
}
