package nl.doorstroom.sites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of temporary sites and their status history. */
@Repository
class TemporarySites {

    private static final String COLUMNS = """
            id, kind, name, municipality_code, address, latitude, longitude, owner, capacity, available_from,
            available_until, cost_per_night, status, status_since, contact_person, notes, version, changed_at, changed_by""";

    /** A site to store, with the status it starts in. */
    record NewSite(SiteForm form, SiteStatus status, LocalDate statusSince) {
    }

    /** A stored site as the duplicate rule sees it. */
    record Stored(long id, String name, DuplicateRule.Identity identity) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    TemporarySites(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<TemporarySite> find(long id, boolean forUpdate, Function<MunicipalityCode, ProvinceCode> provinceOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM temporary_site WHERE id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", id).query((rs, n) -> site(rs, provinceOf)).optional();
    }

    List<TemporarySite> where(String condition, Map<String, ?> params, Function<MunicipalityCode, ProvinceCode> provinceOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM temporary_site WHERE " + condition + " ORDER BY municipality_code, name, id")
                .params(params).query((rs, n) -> site(rs, provinceOf)).list();
    }

    /** The stored sites of these municipalities, for the duplicate rule. */
    List<Stored> storedIn(Collection<MunicipalityCode> municipalities) {
        if (municipalities.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, name, municipality_code, name_key, address_key FROM temporary_site "
                + "WHERE municipality_code IN (:codes)")
                .param("codes", municipalities.stream().map(MunicipalityCode::value).distinct().toList())
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("name"),
                        new DuplicateRule.Identity(MunicipalityCode.of(rs.getString("municipality_code")),
                                rs.getString("name_key"), rs.getString("address_key"))))
                .list();
    }

    /** Inserts sites with their first history row; returns their ids, in order. */
    List<Long> insert(List<NewSite> sites, String actor) {
        if (sites.isEmpty()) {
            return List.of();
        }
        var ids = jdbc.sql("SELECT nextval('temporary_site_id_seq') FROM generate_series(1, :n)")
                .param("n", sites.size()).query(Long.class).list();
        var rows = new ArrayList<MapSqlParameterSource>();
        var history = new ArrayList<MapSqlParameterSource>();
        for (int i = 0; i < sites.size(); i++) {
            var site = sites.get(i);
            rows.add(facts(site.form()).addValue("id", ids.get(i)).addValue("status", site.status().name())
                    .addValue("since", site.statusSince()).addValue("by", actor));
            history.add(new MapSqlParameterSource().addValue("site", ids.get(i)).addValue("from", null)
                    .addValue("to", site.status().name()).addValue("on", site.statusSince()).addValue("reason", null)
                    .addValue("by", actor));
        }
        batch.batchUpdate("""
                INSERT INTO temporary_site (id, kind, name, municipality_code, address, latitude, longitude, owner, capacity,
                    available_from, available_until, cost_per_night, status, status_since, contact_person, notes,
                    name_key, address_key, created_by, changed_by)
                VALUES (:id, :kind, :name, :municipality, :address, :latitude, :longitude, :owner, :capacity,
                    :availableFrom, :availableUntil, :cost, :status, :since, :contact, :notes, :nameKey, :addressKey,
                    :by, :by)""", rows.toArray(MapSqlParameterSource[]::new));
        insertHistory(history);
        return ids;
    }

    /** Replaces the facts of a site, if nobody changed it since {@code version}. */
    void change(long id, int version, SiteForm form, String actor) {
        int updated = jdbc.sql("""
                UPDATE temporary_site SET kind = :kind, name = :name, municipality_code = :municipality, address = :address,
                    latitude = :latitude, longitude = :longitude, owner = :owner, capacity = :capacity,
                    available_from = :availableFrom, available_until = :availableUntil, cost_per_night = :cost,
                    contact_person = :contact, notes = :notes, name_key = :nameKey, address_key = :addressKey,
                    version = version + 1, changed_at = now(), changed_by = :by
                WHERE id = :id AND version = :version""")
                .paramSource(facts(form).addValue("id", id).addValue("version", version).addValue("by", actor))
                .update();
        refuseIfStale(updated, id);
    }

    /** Moves a site to another status and records the step, if nobody changed it since {@code version}. */
    void moveStatus(long id, int version, SiteStatus from, SiteStatus to, LocalDate on, String reason, String actor) {
        int updated = jdbc.sql("""
                UPDATE temporary_site SET status = :to, status_since = :on, version = version + 1, changed_at = now(),
                    changed_by = :by
                WHERE id = :id AND version = :version""")
                .param("id", id).param("version", version).param("to", to.name()).param("on", on).param("by", actor)
                .update();
        refuseIfStale(updated, id);
        insertHistory(List.of(new MapSqlParameterSource().addValue("site", id).addValue("from", from.name())
                .addValue("to", to.name()).addValue("on", on).addValue("reason", reason).addValue("by", actor)));
    }

    List<StatusChange> history(long id) {
        return jdbc.sql("""
                SELECT id, from_status, to_status, occurred_on, reason, changed_by, changed_at
                FROM temporary_site_status_change WHERE site_id = :id ORDER BY id""")
                .param("id", id)
                .query((rs, n) -> new StatusChange(rs.getLong("id"),
                        rs.getString("from_status") == null ? null : SiteStatus.valueOf(rs.getString("from_status")),
                        SiteStatus.valueOf(rs.getString("to_status")), rs.getObject("occurred_on", LocalDate.class),
                        rs.getString("reason"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** Capacity of the sites not closed or dropped, per municipality and status. */
    List<Map.Entry<MunicipalityCode, int[]>> openCapacity() {
        return jdbc.sql("""
                SELECT municipality_code, count(*) AS sites,
                    coalesce(sum(capacity) FILTER (WHERE status IN ('IDENTIFIED', 'CONTACTED', 'UNDER_NEGOTIATION')), 0) AS pursued,
                    coalesce(sum(capacity) FILTER (WHERE status = 'AGREED'), 0) AS agreed,
                    coalesce(sum(capacity) FILTER (WHERE status = 'IN_USE'), 0) AS in_use
                FROM temporary_site WHERE status NOT IN ('CLOSED', 'DROPPED')
                GROUP BY municipality_code ORDER BY municipality_code""")
                .query((rs, n) -> Map.entry(MunicipalityCode.of(rs.getString(1)),
                        new int[] { rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5) }))
                .list();
    }

    private void refuseIfStale(int updated, long id) {
        if (updated == 0) {
            boolean exists = jdbc.sql("SELECT count(*) FROM temporary_site WHERE id = :id").param("id", id)
                    .query(Long.class).single() > 0;
            if (!exists) {
                throw new SiteNotFound(id);
            }
            throw new EditConflict("temporary-site " + id);
        }
    }

    private void insertHistory(List<MapSqlParameterSource> rows) {
        batch.batchUpdate("""
                INSERT INTO temporary_site_status_change (site_id, from_status, to_status, occurred_on, reason, changed_by)
                VALUES (:site, :from, :to, :on, :reason, :by)""", rows.toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource facts(SiteForm form) {
        return new MapSqlParameterSource().addValue("kind", form.kind().name()).addValue("name", form.name())
                .addValue("municipality", form.municipality().value()).addValue("address", form.address())
                .addValue("latitude", form.latitude()).addValue("longitude", form.longitude())
                .addValue("owner", form.owner().name()).addValue("capacity", form.capacity())
                .addValue("availableFrom", form.availableFrom(), java.sql.Types.DATE)
                .addValue("availableUntil", form.availableUntil(), java.sql.Types.DATE)
                .addValue("cost", form.costPerNight(), java.sql.Types.NUMERIC)
                .addValue("contact", form.contactPerson()).addValue("notes", form.notes())
                .addValue("nameKey", DuplicateRule.key(form.name())).addValue("addressKey", DuplicateRule.key(form.address()));
    }

    private static TemporarySite site(ResultSet rs, Function<MunicipalityCode, ProvinceCode> provinceOf) throws SQLException {
        var municipality = MunicipalityCode.of(rs.getString("municipality_code"));
        return new TemporarySite(rs.getLong("id"), SiteKind.valueOf(rs.getString("kind")), rs.getString("name"),
                municipality, provinceOf.apply(municipality), rs.getString("address"), rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"), SiteOwner.valueOf(rs.getString("owner")), rs.getInt("capacity"),
                rs.getObject("available_from", LocalDate.class), rs.getObject("available_until", LocalDate.class),
                rs.getBigDecimal("cost_per_night"), SiteStatus.valueOf(rs.getString("status")),
                rs.getObject("status_since", LocalDate.class), rs.getString("contact_person"), rs.getString("notes"),
                rs.getInt("version"), rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"));
    }
}
