package nl.doorstroom.municipalities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.Region.RegionKind;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Regions: COA's five linking regions (reference data, not editable) and sets of municipalities
 * that users define, for example a regional cooperation of neighbours.
 */
@Service
public class Regions {

    /** What a user fills in to define or change a region. */
    public record RegionForm(String name, String description, Set<MunicipalityCode> members) {
    }

    private final JdbcClient jdbc;
    private final MunicipalityRegistry registry;
    private final AuditTrail audit;

    Regions(JdbcClient jdbc, MunicipalityRegistry registry, AuditTrail audit) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.audit = audit;
    }

    /** COA linking regions first, then user-defined ones, by name. */
    @Transactional(readOnly = true)
    public List<Region> all() {
        return jdbc.sql(SELECT + " ORDER BY r.kind, r.name").query(Regions::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<Region> find(String code) {
        return jdbc.sql(SELECT + " WHERE r.code = :code").param("code", code).query(Regions::map).optional();
    }

    @Transactional
    public Region define(RegionForm form) {
        check(form);
        var code = uniqueCode(form.name());
        long id = jdbc.sql("""
                INSERT INTO region (kind, code, name, description, created_by)
                VALUES ('CUSTOM', :code, :name, :description, :by) RETURNING id""")
                .param("code", code)
                .param("name", form.name().strip())
                .param("description", blankToNull(form.description()))
                .param("by", CurrentUser.actor())
                .query(Long.class).single();
        writeMembers(id, form.members());
        audit.recordChange("region.defined", "region", code, "members=" + form.members().size());
        return find(code).orElseThrow();
    }

    @Transactional
    public Region change(String code, int expectedVersion, RegionForm form) {
        var region = editable(code);
        check(form);
        int rows = jdbc.sql("""
                UPDATE region SET name = :name, description = :description, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("name", form.name().strip())
                .param("description", blankToNull(form.description()))
                .param("id", region.id())
                .param("version", expectedVersion)
                .update();
        if (rows != 1) {
            throw new EditConflict("region " + code);
        }
        jdbc.sql("DELETE FROM region_member WHERE region_id = :id").param("id", region.id()).update();
        writeMembers(region.id(), form.members());
        audit.recordChange("region.changed", "region", code, "members=" + form.members().size());
        return find(code).orElseThrow();
    }

    @Transactional
    public void remove(String code, int expectedVersion) {
        var region = editable(code);
        int rows = jdbc.sql("DELETE FROM region WHERE id = :id AND version = :version")
                .param("id", region.id()).param("version", expectedVersion).update();
        if (rows != 1) {
            throw new EditConflict("region " + code);
        }
        audit.recordChange("region.removed", "region", code, null);
    }

    private Region editable(String code) {
        var region = find(code).orElseThrow(() -> InvalidInput.of("code", "region.unknown", code));
        if (!region.isEditable()) {
            throw InvalidInput.of("code", "region.referenceData", code);
        }
        if (!mayChange(region)) {
            throw new AccessDeniedException("Only its author, a national coordinator or an administrator may change region " + code);
        }
        return region;
    }

    /** A user-defined region is changed by whoever defined it, or by a national coordinator or administrator. */
    public boolean mayChange(Region region) {
        var user = CurrentUser.get();
        return region.isEditable() && user.isPresent()
                && (user.get().username().equals(region.createdBy())
                        || user.get().role() == Role.NATIONAL_COORDINATOR || user.get().role() == Role.ADMINISTRATOR);
    }

    private void check(RegionForm form) {
        var problems = new ArrayList<Problem>();
        if (form.name() == null || form.name().isBlank()) {
            problems.add(Problem.of("name", "region.name.required"));
        }
        else if (form.name().strip().length() > 120) {
            problems.add(Problem.of("name", "region.name.tooLong", 120));
        }
        if (form.description() != null && form.description().length() > 500) {
            problems.add(Problem.of("description", "region.description.tooLong", 500));
        }
        if (form.members() == null || form.members().isEmpty()) {
            problems.add(Problem.of("members", "region.members.required"));
        }
        else {
            form.members().stream().filter(m -> !registry.exists(m)).sorted()
                    .forEach(m -> problems.add(Problem.of("members", "region.members.unknown", m.value())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private void writeMembers(long id, Set<MunicipalityCode> members) {
        for (var member : new TreeSet<>(members)) {
            jdbc.sql("INSERT INTO region_member (region_id, municipality_code) VALUES (:id, :code)")
                    .param("id", id).param("code", member.value()).update();
        }
    }

    private String uniqueCode(String name) {
        var base = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (base.isEmpty()) {
            base = "regio";
        }
        if (base.equals("new")) {
            base = "regio-new"; // /regions/new is the form for a new region
        }
        base = base.length() > 30 ? base.substring(0, 30) : base;
        var code = base;
        for (int i = 2; find(code).isPresent(); i++) {
            code = base + "-" + i;
        }
        return code;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static final String SELECT = """
            SELECT r.id, r.kind, r.code, r.name, r.description, r.created_by, r.created_at, r.version,
                   (SELECT string_agg(m.municipality_code, ',' ORDER BY m.municipality_code)
                      FROM region_member m WHERE m.region_id = r.id) AS members
            FROM region r""";

    private static Region map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var members = rs.getString("members");
        return new Region(rs.getLong("id"), RegionKind.valueOf(rs.getString("kind")), rs.getString("code"),
                rs.getString("name"), rs.getString("description"),
                members == null ? new TreeSet<>() : Arrays.stream(members.split(",")).map(MunicipalityCode::of)
                        .collect(Collectors.toCollection(TreeSet::new)),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
    }
}
