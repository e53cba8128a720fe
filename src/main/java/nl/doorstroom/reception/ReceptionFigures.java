package nl.doorstroom.reception;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The imports of reported figures (municipal places, displaced Ukrainians) and their rows. */
@Repository
class ReceptionFigures {

    /** A municipality's figure in force, and the date it refers to. */
    record Reported(long value, LocalDate referenceDate) {
    }

    private final JdbcClient jdbc;

    ReceptionFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(FigureKind kind, String label, boolean synthetic, String by, List<ReceptionFigureFile.Figure> figures) {
        long id = jdbc.sql("""
                INSERT INTO reception_figure_import (kind, label, synthetic, imported_by)
                VALUES (:kind, :label, :synthetic, :by) RETURNING id""")
                .param("kind", kind.name()).param("label", label).param("synthetic", synthetic).param("by", by)
                .query(Long.class).single();
        // In chunks: PostgreSQL takes at most 65,535 parameters in one statement.
        for (int from = 0; from < figures.size(); from += 5_000) {
            var sql = new StringBuilder();
            var params = new HashMap<String, Object>();
            var chunk = figures.subList(from, Math.min(figures.size(), from + 5_000));
            for (int i = 0; i < chunk.size(); i++) {
                var figure = chunk.get(i);
                sql.append(i == 0 ? "" : ",").append("(:id, :c").append(i).append(", :d").append(i).append(", :v")
                        .append(i).append(")");
                params.put("c" + i, figure.municipality().value());
                params.put("d" + i, figure.referenceDate());
                params.put("v" + i, figure.value());
            }
            params.put("id", id);
            jdbc.sql("INSERT INTO reception_figure (import_id, municipality_code, reference_date, figure) VALUES " + sql)
                    .params(params).update();
        }
        return id;
    }

    List<FigureImport> imports(FigureKind kind) {
        return jdbc.sql(IMPORTS + " WHERE i.kind = :kind ORDER BY i.id DESC").param("kind", kind.name())
                .query(ReceptionFigures::map).list();
    }

    FigureImport find(long id) {
        return jdbc.sql(IMPORTS + " WHERE i.id = :id").param("id", id).query(ReceptionFigures::map).single();
    }

    /**
     * Per municipality the figure with the latest reference date on or before the date; of two with that date,
     * the later import's.
     */
    Map<MunicipalityCode, Reported> inForce(FigureKind kind, LocalDate date) {
        var found = new TreeMap<MunicipalityCode, Reported>();
        jdbc.sql("""
                SELECT DISTINCT ON (f.municipality_code) f.municipality_code, f.figure, f.reference_date
                FROM reception_figure f JOIN reception_figure_import i ON i.id = f.import_id
                WHERE i.kind = :kind AND f.reference_date <= :date
                ORDER BY f.municipality_code, f.reference_date DESC, f.import_id DESC""")
                .param("kind", kind.name()).param("date", date)
                .query((rs, n) -> Map.entry(MunicipalityCode.of(rs.getString(1)),
                        new Reported(rs.getLong(2), rs.getObject(3, LocalDate.class))))
                .list().forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    boolean any(FigureKind kind) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM reception_figure_import WHERE kind = :kind)")
                .param("kind", kind.name()).query(Boolean.class).single();
    }

    private static final String IMPORTS = """
            SELECT i.id, i.kind, i.label, i.synthetic, i.imported_by, i.imported_at,
                   (SELECT count(*) FROM reception_figure f WHERE f.import_id = i.id) AS n,
                   (SELECT coalesce(sum(f.figure), 0) FROM reception_figure f WHERE f.import_id = i.id) AS total,
                   (SELECT max(f.reference_date) FROM reception_figure f WHERE f.import_id = i.id) AS latest
            FROM reception_figure_import i""";

    private static FigureImport map(ResultSet rs, int row) throws SQLException {
        return new FigureImport(rs.getLong("id"), FigureKind.valueOf(rs.getString("kind")), rs.getString("label"),
                rs.getBoolean("synthetic"), rs.getString("imported_by"), rs.getTimestamp("imported_at").toInstant(),
                rs.getInt("n"), rs.getLong("total"), rs.getObject("latest", LocalDate.class));
    }
}
