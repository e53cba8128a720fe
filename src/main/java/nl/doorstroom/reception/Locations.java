package nl.doorstroom.reception;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of reception locations and their emergency measures. */
@Repository
class Locations {

    private static final String COLUMNS = """
            id, code, name, municipality_code, kind, regular_capacity, emergency_capacity, opened_on, closed_on,
            synthetic, version, changed_at, changed_by""";

    private final JdbcClient jdbc;

    Locations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReceptionLocation> find(long id, boolean forUpdate, Function<MunicipalityCode, ProvinceCode> provinceOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reception_location WHERE id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", id).query((rs, n) -> location(rs, provinceOf)).optional();
    }

    List<ReceptionLocation> where(String condition, Map<String, ?> params, Function<MunicipalityCode, ProvinceCode> provinceOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reception_location WHERE " + condition + " ORDER BY name, id")
                .params(params).query((rs, n) -> location(rs, provinceOf)).list();
    }

    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM reception_location)").query(Boolean.class).single();
    }

    Optional<Long> idOf(String code) {
        return jdbc.sql("SELECT id FROM reception_location WHERE code = :code").param("code", code).query(Long.class).optional();
    }

    long insert(LocationForm form, boolean synthetic, String actor) {
        return jdbc.sql("""
                INSERT INTO reception_location (code, name, municipality_code, kind, regular_capacity, emergency_capacity,
                    opened_on, closed_on, synthetic, created_by, changed_by)
                VALUES (:code, :name, :municipality, :kind, :regular, :emergency, :openedOn, :closedOn, :synthetic, :by, :by)
                RETURNING id""")
                .paramSource(facts(form).addValue("synthetic", synthetic).addValue("by", actor)).query(Long.class).single();
    }

    void change(long id, int version, LocationForm form, String actor) {
        int updated = jdbc.sql("""
                UPDATE reception_location SET code = :code, name = :name, municipality_code = :municipality, kind = :kind,
                    regular_capacity = :regular, emergency_capacity = :emergency, opened_on = :openedOn,
                    closed_on = :closedOn, version = version + 1, changed_at = now(), changed_by = :by
                WHERE id = :id AND version = :version""")
                .paramSource(facts(form).addValue("id", id).addValue("version", version).addValue("by", actor)).update();
        if (updated == 0) {
            throw new EditConflict("reception-location " + id);
        }
    }

    long insertMeasure(long location, MeasureForm form, String actor) {
        return jdbc.sql("""
                INSERT INTO emergency_measure (location_id, kind, description, starts_on, ends_on, places, created_by)
                VALUES (:location, :kind, :description, :startsOn, :endsOn, :places, :by) RETURNING id""")
                .param("location", location).param("kind", form.kind().name()).param("description", form.description())
                .param("startsOn", form.startsOn()).param("endsOn", form.endsOn(), java.sql.Types.DATE)
                .param("places", form.places()).param("by", actor).query(Long.class).single();
    }

    /** The measures of some locations (null: all), latest first. */
    List<EmergencyMeasure> measures(List<Long> locations) {
        var sql = "SELECT id, location_id, kind, description, starts_on, ends_on, places, created_by, created_at "
                + "FROM emergency_measure" + (locations == null ? "" : " WHERE location_id IN (:ids)")
                + " ORDER BY starts_on DESC, id DESC";
        var statement = jdbc.sql(sql);
        if (locations != null) {
            statement = statement.param("ids", locations.isEmpty() ? List.of(-1L) : locations);
        }
        return statement.query((rs, n) -> new EmergencyMeasure(rs.getLong("id"), rs.getLong("location_id"),
                MeasureKind.valueOf(rs.getString("kind")), rs.getString("description"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getInt("places"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant())).list();
    }

    private static MapSqlParameterSource facts(LocationForm form) {
        return new MapSqlParameterSource().addValue("code", form.code()).addValue("name", form.name())
                .addValue("municipality", form.municipality().value()).addValue("kind", form.kind().name())
                .addValue("regular", form.regularCapacity()).addValue("emergency", form.emergencyCapacity())
                .addValue("openedOn", form.openedOn(), java.sql.Types.DATE)
                .addValue("closedOn", form.closedOn(), java.sql.Types.DATE);
    }

    private static ReceptionLocation location(ResultSet rs, Function<MunicipalityCode, ProvinceCode> provinceOf)
            throws SQLException {
        var municipality = MunicipalityCode.of(rs.getString("municipality_code"));
        return new ReceptionLocation(rs.getLong("id"), rs.getString("code"), rs.getString("name"), municipality,
                provinceOf.apply(municipality), LocationKind.valueOf(rs.getString("kind")), rs.getInt("regular_capacity"),
                rs.getInt("emergency_capacity"), rs.getObject("opened_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class), rs.getBoolean("synthetic"), rs.getInt("version"),
                rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"));
    }
}
