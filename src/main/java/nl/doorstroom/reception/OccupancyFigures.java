package nl.doorstroom.reception;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of occupancy per location and day, the imports that brought them, and the versioned norm. */
@Repository
class OccupancyFigures {

    /** The figures of one location in one week: its last report in the week. */
    record WeekFigure(long locationId, LocalDate week, Occupancy occupancy) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    OccupancyFigures(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** How many of these location-days already have figures (they will be replaced). */
    int stored(List<OccupancyFile.Entry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        var ids = entries.stream().map(OccupancyFile.Entry::locationId).distinct().toList();
        var days = entries.stream().map(e -> e.occupancy().date()).distinct().toList();
        var keys = new java.util.HashSet<String>();
        jdbc.sql("SELECT location_id, measured_on FROM reception_occupancy WHERE location_id IN (:ids) AND measured_on IN (:days)")
                .param("ids", ids).param("days", days)
                .query((rs, n) -> keys.add(rs.getLong(1) + "/" + rs.getObject(2, LocalDate.class))).list();
        return (int) entries.stream().filter(e -> keys.contains(e.locationId() + "/" + e.occupancy().date())).count();
    }

    long recordImport(int rows, int replaced, LocalDate first, LocalDate last, String actor) {
        return jdbc.sql("""
                INSERT INTO occupancy_import (imported_by, rows, replaced, first_date, last_date)
                VALUES (:by, :rows, :replaced, :first, :last) RETURNING id""")
                .param("by", actor).param("rows", rows).param("replaced", replaced).param("first", first, java.sql.Types.DATE)
                .param("last", last, java.sql.Types.DATE).query(Long.class).single();
    }

    /** Stores the figures; a location's day already stored is replaced (COA corrects its figures by sending them again). */
    void upsert(List<OccupancyFile.Entry> entries, long importId) {
        var rows = new ArrayList<MapSqlParameterSource>();
        for (var e : entries) {
            var o = e.occupancy();
            rows.add(new MapSqlParameterSource().addValue("location", e.locationId()).addValue("day", o.date())
                    .addValue("inProcedure", o.inProcedure()).addValue("permitHolders", o.permitHolders())
                    .addValue("other", o.other()).addValue("import", importId));
        }
        batch.batchUpdate("""
                INSERT INTO reception_occupancy (location_id, measured_on, in_procedure, permit_holders, other, import_id)
                VALUES (:location, :day, :inProcedure, :permitHolders, :other, :import)
                ON CONFLICT (location_id, measured_on) DO UPDATE SET in_procedure = excluded.in_procedure,
                    permit_holders = excluded.permit_holders, other = excluded.other, import_id = excluded.import_id""",
                rows.toArray(MapSqlParameterSource[]::new));
    }

    List<OccupancyImport> imports(int limit) {
        return jdbc.sql("""
                SELECT id, imported_at, imported_by, rows, replaced, first_date, last_date FROM occupancy_import
                ORDER BY id DESC LIMIT :limit""").param("limit", limit)
                .query((rs, n) -> new OccupancyImport(rs.getLong("id"), rs.getTimestamp("imported_at").toInstant(),
                        rs.getString("imported_by"), rs.getInt("rows"), rs.getInt("replaced"),
                        rs.getObject("first_date", LocalDate.class), rs.getObject("last_date", LocalDate.class)))
                .list();
    }

    /** A location's figures between two days, oldest first. */
    List<Occupancy> of(long location, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT measured_on, in_procedure, permit_holders, other FROM reception_occupancy
                WHERE location_id = :location AND measured_on BETWEEN :from AND :to ORDER BY measured_on""")
                .param("location", location).param("from", from).param("to", to)
                .query((rs, n) -> new Occupancy(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .list();
    }

    /** The latest figures of every location on or before a day. */
    Map<Long, Occupancy> latest(LocalDate onOrBefore) {
        var latest = new HashMap<Long, Occupancy>();
        jdbc.sql("""
                SELECT DISTINCT ON (location_id) location_id, measured_on, in_procedure, permit_holders, other
                FROM reception_occupancy WHERE measured_on <= :day ORDER BY location_id, measured_on DESC""")
                .param("day", onOrBefore)
                .query((rs, n) -> latest.put(rs.getLong(1),
                        new Occupancy(rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getInt(4), rs.getInt(5))))
                .list();
        return latest;
    }

    /** Each location's last figures in every week (Monday to Sunday) between two days. */
    List<WeekFigure> weekly(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT DISTINCT ON (location_id, week) location_id, week, measured_on, in_procedure, permit_holders, other
                FROM (SELECT o.*, date_trunc('week', o.measured_on)::date AS week FROM reception_occupancy o
                      WHERE o.measured_on BETWEEN :from AND :to) figures
                ORDER BY location_id, week, measured_on DESC""")
                .param("from", from).param("to", to)
                .query((rs, n) -> new WeekFigure(rs.getLong("location_id"), rs.getObject("week", LocalDate.class),
                        new Occupancy(rs.getObject("measured_on", LocalDate.class), rs.getInt("in_procedure"),
                                rs.getInt("permit_holders"), rs.getInt("other"))))
                .list();
    }

    List<ReceptionNorm> norms() {
        return jdbc.sql("SELECT version, persons, valid_from, set_by, set_at FROM reception_norm ORDER BY version DESC")
                .query((rs, n) -> new ReceptionNorm(rs.getInt(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Adds the next version of the norm; false when {@code version} is no longer the latest. */
    boolean addNorm(int version, int persons, LocalDate validFrom, String actor) {
        jdbc.sql("LOCK TABLE reception_norm IN EXCLUSIVE MODE").update();
        int latest = jdbc.sql("SELECT max(version) FROM reception_norm").query(Integer.class).single();
        if (latest != version) {
            return false;
        }
        jdbc.sql("INSERT INTO reception_norm (version, persons, valid_from, set_by) VALUES (:v, :p, :from, :by)")
                .param("v", version + 1).param("p", persons).param("from", validFrom).param("by", actor).update();
        return true;
    }
}
