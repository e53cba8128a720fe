package nl.doorstroom.quota;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import nl.doorstroom.documents.CsvUpload;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dated indicators per municipality for distribution keys other than the law's: the welfare
 * correction factor (reception distribution act), tax revenue (Königsteiner Schlüssel) and GDP (the
 * EU Pact's solidarity key). Imported as versions, all or nothing; versions never change.
 */
@Service
public class Indicators {

    /** The indicators that can be imported; population comes from the municipalities module. */
    public static final List<String> KINDS = List.of(DistributionKey.WELFARE_FACTOR, DistributionKey.TAX_REVENUE,
            DistributionKey.GDP);

    public static final Set<Role> IMPORTERS = Set.of(Role.MINISTRY_ANALYST, Role.ADMINISTRATOR);

    private final JdbcClient jdbc;
    private final MunicipalityRegistry registry;
    private final AuditTrail audit;
    private final Map<Long, Map<MunicipalityCode, BigDecimal>> valuesByVersion = new ConcurrentHashMap<>();

    Indicators(JdbcClient jdbc, MunicipalityRegistry registry, AuditTrail audit) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.audit = audit;
    }

    public static boolean mayImport() {
        return CurrentUser.get().map(u -> IMPORTERS.contains(u.role())).orElse(false);
    }

    @Transactional(readOnly = true)
    public List<IndicatorVersion> versions() {
        return jdbc.sql(SELECT + " ORDER BY v.indicator, v.reference_date DESC, v.id DESC").query(Indicators::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<IndicatorVersion> version(long id) {
        return jdbc.sql(SELECT + " WHERE v.id = :id").param("id", id).query(Indicators::map).optional();
    }

    /** The latest version of an indicator, if any was imported. */
    @Transactional(readOnly = true)
    public Optional<IndicatorVersion> latest(String indicator) {
        return versions().stream().filter(v -> v.indicator().equals(indicator)).findFirst();
    }

    @Transactional(readOnly = true)
    public Map<MunicipalityCode, BigDecimal> values(long versionId) {
        return valuesByVersion.computeIfAbsent(versionId, id -> jdbc.sql(
                "SELECT municipality_code, value FROM indicator_value WHERE version_id = :id")
                .param("id", id)
                .query((rs, n) -> Map.entry(MunicipalityCode.of(rs.getString(1)), rs.getBigDecimal(2)))
                .list().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /**
     * Imports a CSV with the columns {@code municipality} and {@code value} (decimal point or comma)
     * for every municipality. All or nothing, with every problem by row and column.
     */
    @Transactional
    public IndicatorVersion importVersion(String indicator, Reader csv, LocalDate referenceDate, String label) {
        if (!mayImport()) {
            throw new AccessDeniedException("Only ministry analysts and administrators import indicators");
        }
        var problems = new ArrayList<Problem>();
        if (indicator == null || !KINDS.contains(indicator)) {
            problems.add(Problem.of("indicator", "indicator.unknown", String.valueOf(indicator)));
        }
        if (referenceDate == null) {
            problems.add(Problem.of("referenceDate", "indicator.referenceDate.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var values = read(csv);
        return store(indicator, values, referenceDate, label, false);
    }

    /** Stores synthetic demo figures, labelled as such. */
    @Transactional
    public IndicatorVersion importSynthetic(String indicator, Map<MunicipalityCode, BigDecimal> values,
            LocalDate referenceDate, String label) {
        if (!mayImport()) {
            throw new AccessDeniedException("Only ministry analysts and administrators import indicators");
        }
        return store(indicator, values, referenceDate, label, true);
    }

    private IndicatorVersion store(String indicator, Map<MunicipalityCode, BigDecimal> values, LocalDate referenceDate,
            String label, boolean synthetic) {
        var name = label == null || label.isBlank() ? indicator + " " + referenceDate : label.strip();
        if (name.length() > 200) {
            throw InvalidInput.of("label", "indicator.label.tooLong", 200);
        }
        long id = jdbc.sql("""
                INSERT INTO indicator_version (indicator, reference_date, label, synthetic, imported_by)
                VALUES (:indicator, :date, :label, :synthetic, :by) RETURNING id""")
                .param("indicator", indicator).param("date", referenceDate).param("label", name)
                .param("synthetic", synthetic).param("by", CurrentUser.actor()).query(Long.class).single();
        var params = new HashMap<String, Object>();
        var sql = new StringBuilder();
        int i = 0;
        for (var entry : new TreeMap<>(values).entrySet()) {
            sql.append(i == 0 ? "" : ",").append("(:id, :c").append(i).append(", :v").append(i).append(")");
            params.put("c" + i, entry.getKey().value());
            params.put("v" + i, entry.getValue());
            i++;
        }
        params.put("id", id);
        jdbc.sql("INSERT INTO indicator_value (version_id, municipality_code, value) VALUES " + sql).params(params).update();
        audit.recordChange("indicator.imported", "indicator-version", id, "indicator=" + indicator + " referenceDate="
                + referenceDate + " municipalities=" + values.size());
        return version(id).orElseThrow();
    }

    private Map<MunicipalityCode, BigDecimal> read(Reader input) {
        var upload = CsvUpload.read(input, "indicator");
        var header = upload.header();
        int codeColumn = -1;
        int valueColumn = -1;
        for (int i = 0; i < header.size(); i++) {
            var name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (codeColumn < 0 && List.of("municipality", "gemeente", "code", "gemeentecode").contains(name)) {
                codeColumn = i;
            }
            else if (valueColumn < 0 && List.of("value", "waarde").contains(name)) {
                valueColumn = i;
            }
        }
        var problems = new ArrayList<Problem>();
        if (codeColumn < 0) {
            problems.add(Problem.atRow(1, "municipality", "indicator.header.missing", "municipality"));
        }
        if (valueColumn < 0) {
            problems.add(Problem.atRow(1, "value", "indicator.header.missing", "value"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var values = new TreeMap<MunicipalityCode, BigDecimal>();
        var firstRow = new HashMap<MunicipalityCode, Integer>();
        for (var line : upload.rows()) {
            var record = line.cells();
            int row = line.line();
            if (record.size() <= Math.max(codeColumn, valueColumn)) {
                problems.add(Problem.atRow(row, "file", "indicator.row.fieldCount", header.size(), record.size()));
                continue;
            }
            var code = CsvUpload.municipality(record.get(codeColumn), row, "municipality", registry::exists, problems,
                    "indicator.municipality");
            BigDecimal value = null;
            var rawValue = record.get(valueColumn).replace(',', '.');
            try {
                value = new BigDecimal(rawValue);
                if (value.signum() < 0) {
                    problems.add(Problem.atRow(row, "value", "indicator.value.negative", rawValue));
                    value = null;
                }
                else if (value.stripTrailingZeros().scale() > 6 || value.precision() - value.scale() > 18) {
                    // What the column holds (NUMERIC(24, 6)); more would be rounded or refused by the database.
                    problems.add(Problem.atRow(row, "value", "indicator.value.tooPrecise", rawValue));
                    value = null;
                }
            }
            catch (NumberFormatException e) {
                problems.add(Problem.atRow(row, "value", "indicator.value.notNumber", record.get(valueColumn)));
            }
            if (code != null) {
                var earlier = firstRow.putIfAbsent(code, row);
                if (earlier != null) {
                    problems.add(Problem.atRow(row, "municipality", "indicator.municipality.duplicate", code.value(),
                            earlier));
                }
                else if (value != null) {
                    values.put(code, value);
                }
            }
        }
        for (Municipality m : registry.all()) {
            if (!firstRow.containsKey(m.code())) {
                problems.add(Problem.of("municipality", "indicator.municipality.notInFile", m.code().value()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return values;
    }

    private static final String SELECT = """
            SELECT v.id, v.indicator, v.reference_date, v.label, v.synthetic, v.imported_by, v.imported_at,
                   (SELECT count(*) FROM indicator_value x WHERE x.version_id = v.id) AS n
            FROM indicator_version v""";

    private static IndicatorVersion map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new IndicatorVersion(rs.getLong("id"), rs.getString("indicator"),
                rs.getObject("reference_date", LocalDate.class), rs.getString("label"), rs.getBoolean("synthetic"),
                rs.getString("imported_by"), rs.getTimestamp("imported_at").toInstant(), rs.getInt("n"));
    }
}
