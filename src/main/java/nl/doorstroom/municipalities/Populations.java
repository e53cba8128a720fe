package nl.doorstroom.municipalities;

import java.io.Reader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dated versions of the population of every municipality. The quota law needs the population
 * on 1 January of the year before the half-year (Huisvestingswet 2014 art. 29(1)), so every
 * imported version stays and remains selectable.
 */
@Service
public class Populations {

    private final JdbcClient jdbc;
    private final MunicipalityRegistry registry;
    private final AuditTrail audit;
    private final Map<Long, Map<MunicipalityCode, Long>> figuresByVersion = new java.util.concurrent.ConcurrentHashMap<>();

    Populations(JdbcClient jdbc, MunicipalityRegistry registry, AuditTrail audit) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.audit = audit;
    }

    /** All versions, newest reference date first. */
    @Transactional(readOnly = true)
    public List<PopulationVersion> versions() {
        return jdbc.sql(SELECT_VERSION + " ORDER BY v.reference_date DESC, v.id DESC").query(this::mapVersion).list();
    }

    @Transactional(readOnly = true)
    public Optional<PopulationVersion> version(long id) {
        return jdbc.sql(SELECT_VERSION + " WHERE v.id = :id").param("id", id).query(this::mapVersion).optional();
    }

    /** The version with the latest reference date, official figures first when dates are equal. */
    @Transactional(readOnly = true)
    public PopulationVersion latest() {
        return latestOf(versions());
    }

    /** The latest of the given versions: latest reference date, official first, then newest import. */
    public static PopulationVersion latestOf(List<PopulationVersion> versions) {
        return versions.stream().max(java.util.Comparator.comparing(PopulationVersion::referenceDate)
                .thenComparing(PopulationVersion::official).thenComparing(PopulationVersion::id)).orElseThrow();
    }

    /** The versions counted on a given date (for the law: 1 January of the year before). */
    @Transactional(readOnly = true)
    public List<PopulationVersion> on(LocalDate referenceDate) {
        return jdbc.sql(SELECT_VERSION + " WHERE v.reference_date = :date ORDER BY v.official DESC, v.id DESC")
                .param("date", referenceDate).query(this::mapVersion).list();
    }

    /** The population per municipality in a version. Versions never change, so they are kept. */
    @Transactional(readOnly = true)
    public Map<MunicipalityCode, Long> figures(long versionId) {
        return figuresByVersion.computeIfAbsent(versionId, id -> jdbc.sql("""
                SELECT municipality_code, population FROM population_figure WHERE version_id = :id""")
                .param("id", id)
                .query((rs, n) -> Map.entry(MunicipalityCode.of(rs.getString(1)), rs.getLong(2)))
                .list().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** One municipality's population in every version, newest reference date first. */
    @Transactional(readOnly = true)
    public List<Map.Entry<PopulationVersion, Long>> historyOf(MunicipalityCode code) {
        return versions().stream()
                .filter(v -> figures(v.id()).containsKey(code))
                .map(v -> Map.entry(v, figures(v.id()).get(code)))
                .toList();
    }

    /**
     * Imports a population file as a new version. All or nothing: a file with any bad row is
     * refused with every problem listed, and nothing is stored.
     */
    @Transactional
    public PopulationVersion importVersion(Reader csv, LocalDate referenceDate, String label) {
        if (referenceDate == null) {
            throw InvalidInput.of("referenceDate", "population.referenceDate.required");
        }
        if (referenceDate.isAfter(LocalDate.now(AuditTrail.ZONE))) {
            throw InvalidInput.of("referenceDate", "population.referenceDate.future");
        }
        var expected = registry.all().stream().map(Municipality::code).collect(Collectors.toSet());
        var figures = PopulationFile.read(csv, expected);
        var name = label == null || label.isBlank() ? "CBS bevolking op " + referenceDate : label.strip();
        if (name.length() > 200) {
            throw InvalidInput.of("label", "population.label.tooLong", 200);
        }
        long total = figures.values().stream().mapToLong(Long::longValue).sum();
        long id = jdbc.sql("""
                INSERT INTO population_version (reference_date, label, source, official, imported_by, total,
                                                municipality_count)
                VALUES (:date, :label, 'CBS (import)', TRUE, :by, :total, :count) RETURNING id""")
                .param("date", referenceDate)
                .param("label", name)
                .param("by", CurrentUser.actor())
                .param("total", total)
                .param("count", figures.size())
                .query(Long.class).single();
        var params = new HashMap<String, Object>();
        var values = new StringBuilder();
        int i = 0;
        for (var entry : figures.entrySet()) {
            values.append(i == 0 ? "" : ",").append("(:v, :c").append(i).append(", :p").append(i).append(")");
            params.put("c" + i, entry.getKey().value());
            params.put("p" + i, entry.getValue());
            i++;
        }
        params.put("v", id);
        jdbc.sql("INSERT INTO population_figure (version_id, municipality_code, population) VALUES " + values)
                .params(params).update();
        audit.recordChange("population-version.imported", "population-version", id,
                "referenceDate=" + referenceDate + " municipalities=" + figures.size() + " total=" + total);
        return version(id).orElseThrow();
    }

    private static final String SELECT_VERSION = """
            SELECT v.id, v.reference_date, v.label, v.source, v.official, v.imported_at, v.imported_by, v.total,
                   v.municipality_count AS n
            FROM population_version v""";

    private PopulationVersion mapVersion(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PopulationVersion(rs.getLong("id"), rs.getObject("reference_date", LocalDate.class),
                rs.getString("label"), rs.getString("source"), rs.getBoolean("official"),
                rs.getTimestamp("imported_at").toInstant(), rs.getString("imported_by"), rs.getLong("total"),
                rs.getInt("n"));
    }
}
