package nl.doorstroom.housingmarket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved allocation-share scenarios: the shares an area compares, with their parameters, author and date, so that a
 * table meeting can refer to one (an action item links to it by id). Every read is narrowed to the reader's scope;
 * every change is audited and a stale version is refused.
 */
@Service
public class AllocationScenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The parameters as stored in the {@code parameters} column. */
    record StoredParameters(Integer marketYear, List<Double> shares, Map<SizeBand, Double> extraHomesPerWeek,
            Integer weeks, Double newLinksPerWeek) {
    }

    private final JdbcClient jdbc;
    private final SimulationAccess access;
    private final AuditTrail audit;
    private final nl.doorstroom.municipalities.MunicipalityRegistry registry;

    AllocationScenarios(JdbcClient jdbc, SimulationAccess access, AuditTrail audit,
            nl.doorstroom.municipalities.MunicipalityRegistry registry) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.registry = registry;
    }

    private static final String SELECT = """
            SELECT id, name, description, area_kind, area_code, parameters, created_by, created_at, changed_by,
                   changed_at, synthetic, version FROM allocation_scenario""";

    private static AllocationScenario scenario(ResultSet rs) throws SQLException {
        var p = JSON.readValue(rs.getString(6), StoredParameters.class);
        var extra = new EnumMap<SizeBand, Double>(SizeBand.class);
        if (p.extraHomesPerWeek() != null) {
            extra.putAll(p.extraHomesPerWeek());
        }
        return new AllocationScenario(rs.getLong(1), rs.getString(2), rs.getString(3),
                new SimulationArea(SimulationArea.Kind.valueOf(rs.getString(4)), rs.getString(5)), p.marketYear(),
                p.shares() == null ? List.of() : p.shares(), extra, p.weeks(), p.newLinksPerWeek(), rs.getString(7),
                rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getBoolean(11),
                rs.getInt(12));
    }

    /** The scenarios the reader may see, newest first. */
    @Transactional(readOnly = true)
    public List<AllocationScenario> all() {
        access.requireReader();
        return jdbc.sql(SELECT + " ORDER BY created_at DESC, id DESC").query((rs, n) -> scenario(rs)).list().stream()
                .filter(s -> access.maySee(s.area())).toList();
    }

    /** A scenario by id, if it exists and the reader may see it (id, name, author and date for a link to it). */
    @Transactional(readOnly = true)
    public Optional<AllocationScenario> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query((rs, n) -> scenario(rs)).optional()
                .filter(s -> access.maySee(s.area()));
    }

    /** Whether any scenario exists (the demo adds its own only when none does). */
    @Transactional(readOnly = true)
    public boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM allocation_scenario)").query(Boolean.class).single();
    }

    @Transactional
    public long create(ScenarioDraft draft) {
        return create(draft, false);
    }

    /** A scenario the demo makes, labelled synthetic. */
    @Transactional
    public long createSynthetic(ScenarioDraft draft) {
        return create(draft, true);
    }

    private long create(ScenarioDraft draft, boolean synthetic) {
        access.requireAuthor();
        var area = check(draft);
        access.requireAuthor(area);
        long id = jdbc.sql("""
                INSERT INTO allocation_scenario (name, description, area_kind, area_code, parameters, created_by,
                    changed_by, synthetic)
                VALUES (:n, :d, :k, :c, :p, :by, :by, :s) RETURNING id""")
                .param("n", draft.name().strip()).param("d", blank(draft.description()) ? null : draft.description().strip())
                .param("k", area.kind().name()).param("c", area.code()).param("p", json(draft))
                .param("by", CurrentUser.actor()).param("s", synthetic).query(Long.class).single();
        audit.recordChange("housingmarket.scenario.created", "allocation-scenario", id,
                draft.name().strip() + " (" + area + ")");
        return id;
    }

    /** Changes a scenario; refused when someone changed it since the version read. */
    @Transactional
    public AllocationScenario change(long id, Integer expectedVersion, ScenarioDraft draft) {
        access.requireAuthor();
        var current = find(id).orElseThrow(() -> new ScenarioNotFound(id));
        if (expectedVersion == null) {
            throw InvalidInput.of("version", "housingmarket.simulation.version.required");
        }
        access.requireAuthor(current.area());
        access.requireChanger(current);
        var area = check(draft);
        access.requireAuthor(area);
        int rows = jdbc.sql("""
                UPDATE allocation_scenario SET name = :n, description = :d, area_kind = :k, area_code = :c,
                       parameters = :p, changed_by = :by, changed_at = now(), version = version + 1
                WHERE id = :id AND version = :v""")
                .param("n", draft.name().strip()).param("d", blank(draft.description()) ? null : draft.description().strip())
                .param("k", area.kind().name()).param("c", area.code()).param("p", json(draft))
                .param("by", CurrentUser.actor()).param("id", id).param("v", expectedVersion).update();
        if (rows != 1) {
            throw new EditConflict("allocation scenario " + id);
        }
        audit.recordChange("housingmarket.scenario.changed", "allocation-scenario", id,
                draft.name().strip() + " (" + area + ")");
        return find(id).orElseThrow();
    }

    private SimulationArea check(ScenarioDraft draft) {
        var problems = new java.util.ArrayList<>(draft.problems());
        SimulationArea area = null;
        if (problems.stream().noneMatch(p -> p.field().equals("area"))) {
            area = SimulationArea.parse(draft.area());
            boolean exists = switch (area.kind()) {
                case NATION -> true;
                case PROVINCE -> registry.exists(area.province());
                case MUNICIPALITY -> registry.exists(area.municipality());
            };
            if (!exists) {
                problems.add(InvalidInput.Problem.of("area", "housingmarket.simulation.area.invalid", draft.area()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return area;
    }

    private static String json(ScenarioDraft draft) {
        return JSON.writeValueAsString(new StoredParameters(draft.marketYear(), draft.shares(),
                draft.extraHomesPerWeek(), draft.weeks(), draft.newLinksPerWeek()));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
