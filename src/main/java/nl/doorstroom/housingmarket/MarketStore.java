package nl.doorstroom.housingmarket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of housing corporations, their figures per municipality and year, and the imports that brought them. */
@Repository
class MarketStore {

    private static final String FIGURE_COLUMNS = """
            f.corporation_id, c.name AS corporation_name, f.municipality_code, f.year, f.homes_small, f.homes_medium,
            f.homes_large, f.homes_extra_large, f.vacancies_small, f.vacancies_medium, f.vacancies_large,
            f.vacancies_extra_large, f.allocated_permit_holders, f.active_seekers, f.median_wait_months,
            f.new_seekers_per_year, f.synthetic, f.version, f.changed_by, f.changed_at""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    MarketStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long insertCorporation(String name, String code, boolean synthetic, String actor) {
        return jdbc.sql("""
                INSERT INTO housing_corporation (name, code, synthetic, changed_by) VALUES (:name, :code, :synthetic, :by)
                RETURNING id""").param("name", name).param("code", code, Types.VARCHAR).param("synthetic", synthetic)
                .param("by", actor).query(Long.class).single();
    }

    boolean changeCorporation(long id, int version, String name, String code, String actor) {
        return jdbc.sql("""
                UPDATE housing_corporation SET name = :name, code = :code, version = version + 1, changed_by = :by,
                    changed_at = now() WHERE id = :id AND version = :version""")
                .param("name", name).param("code", code, Types.VARCHAR).param("by", actor).param("id", id)
                .param("version", version).update() == 1;
    }

    List<HousingCorporation> corporations() {
        return jdbc.sql("SELECT * FROM housing_corporation ORDER BY name").query(MarketStore::corporation).list();
    }

    Optional<HousingCorporation> corporation(long id) {
        return jdbc.sql("SELECT * FROM housing_corporation WHERE id = :id").param("id", id)
                .query(MarketStore::corporation).optional();
    }

    Optional<HousingCorporation> corporationNamed(String name) {
        return jdbc.sql("SELECT * FROM housing_corporation WHERE name = :name").param("name", name)
                .query(MarketStore::corporation).optional();
    }

    /** Rows of a year (every year when null), of these municipalities (all when null) and this corporation (all when null). */
    List<MunicipalFigures> figures(Integer year, Collection<MunicipalityCode> municipalities, Long corporationId) {
        var where = new ArrayList<String>();
        var params = new MapSqlParameterSource();
        where.add("TRUE");
        if (year != null) {
            where.add("f.year = :year");
            params.addValue("year", year);
        }
        if (municipalities != null) {
            where.add("f.municipality_code IN (:municipalities)");
            params.addValue("municipalities", municipalities.isEmpty() ? List.of("")
                    : municipalities.stream().map(MunicipalityCode::value).toList());
        }
        if (corporationId != null) {
            where.add("f.corporation_id = :corporation");
            params.addValue("corporation", corporationId);
        }
        return batch.query("SELECT " + FIGURE_COLUMNS + " FROM market_figure f JOIN housing_corporation c ON c.id = f.corporation_id"
                + " WHERE " + String.join(" AND ", where) + " ORDER BY f.year DESC, f.municipality_code, c.name", params,
                (rs, n) -> figure(rs));
    }

    Optional<MunicipalFigures> figure(long corporationId, MunicipalityCode municipality, int year) {
        return jdbc.sql("SELECT " + FIGURE_COLUMNS + """
                 FROM market_figure f JOIN housing_corporation c ON c.id = f.corporation_id
                WHERE f.corporation_id = :corporation AND f.municipality_code = :municipality AND f.year = :year""")
                .param("corporation", corporationId).param("municipality", municipality.value()).param("year", year)
                .query((rs, n) -> figure(rs)).optional();
    }

    /** The years with figures, latest first, of one corporation (every corporation when null). */
    List<Integer> years(Long corporationId) {
        return jdbc.sql("SELECT DISTINCT year FROM market_figure WHERE (:corporation::BIGINT IS NULL OR corporation_id = :corporation)"
                + " ORDER BY year DESC").param("corporation", corporationId, Types.BIGINT).query(Integer.class).list();
    }

    void insertFigure(long corporationId, MunicipalityCode municipality, int year, FiguresForm form, boolean synthetic,
            String actor) {
        batch.update("""
                INSERT INTO market_figure (corporation_id, municipality_code, year, homes_small, homes_medium, homes_large,
                    homes_extra_large, vacancies_small, vacancies_medium, vacancies_large, vacancies_extra_large,
                    allocated_permit_holders, active_seekers, median_wait_months, new_seekers_per_year, synthetic, changed_by)
                VALUES (:corporation, :municipality, :year, :homesSmall, :homesMedium, :homesLarge, :homesExtraLarge,
                    :vacanciesSmall, :vacanciesMedium, :vacanciesLarge, :vacanciesExtraLarge, :allocated, :seekers, :wait,
                    :newSeekers, :synthetic, :by)""", params(corporationId, municipality, year, form, synthetic, actor, null));
    }

    boolean updateFigure(long corporationId, MunicipalityCode municipality, int year, int version, FiguresForm form,
            String actor) {
        return batch.update("""
                UPDATE market_figure SET homes_small = :homesSmall, homes_medium = :homesMedium, homes_large = :homesLarge,
                    homes_extra_large = :homesExtraLarge, vacancies_small = :vacanciesSmall,
                    vacancies_medium = :vacanciesMedium, vacancies_large = :vacanciesLarge,
                    vacancies_extra_large = :vacanciesExtraLarge, allocated_permit_holders = :allocated,
                    active_seekers = :seekers, median_wait_months = :wait, new_seekers_per_year = :newSeekers,
                    synthetic = FALSE, import_id = NULL, version = version + 1, changed_by = :by, changed_at = now()
                WHERE corporation_id = :corporation AND municipality_code = :municipality AND year = :year
                    AND version = :version""",
                params(corporationId, municipality, year, form, false, actor, null).addValue("version", version)) == 1;
    }

    /** How many of these municipalities already have figures of the corporation in the year (they will be replaced). */
    int stored(long corporationId, int year, Collection<MunicipalityCode> municipalities) {
        if (municipalities.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                SELECT count(*) FROM market_figure WHERE corporation_id = :corporation AND year = :year
                    AND municipality_code IN (:municipalities)""")
                .param("corporation", corporationId).param("year", year)
                .param("municipalities", municipalities.stream().map(MunicipalityCode::value).toList())
                .query(Integer.class).single();
    }

    long recordImport(long corporationId, int year, int rows, int replaced, boolean synthetic, String actor) {
        return jdbc.sql("""
                INSERT INTO market_figure_import (corporation_id, year, rows, replaced, synthetic, imported_by)
                VALUES (:corporation, :year, :rows, :replaced, :synthetic, :by) RETURNING id""")
                .param("corporation", corporationId).param("year", year).param("rows", rows).param("replaced", replaced)
                .param("synthetic", synthetic).param("by", actor).query(Long.class).single();
    }

    /** Stores an import's rows; a municipality the corporation already reported for the year is replaced (new version). */
    void upsert(long corporationId, int year, Map<MunicipalityCode, FiguresForm> rows, boolean synthetic, String actor,
            long importId) {
        var batchRows = new ArrayList<MapSqlParameterSource>();
        rows.forEach((municipality, form) -> batchRows.add(params(corporationId, municipality, year, form, synthetic, actor,
                importId)));
        batch.batchUpdate("""
                INSERT INTO market_figure (corporation_id, municipality_code, year, homes_small, homes_medium, homes_large,
                    homes_extra_large, vacancies_small, vacancies_medium, vacancies_large, vacancies_extra_large,
                    allocated_permit_holders, active_seekers, median_wait_months, new_seekers_per_year, synthetic,
                    import_id, changed_by)
                VALUES (:corporation, :municipality, :year, :homesSmall, :homesMedium, :homesLarge, :homesExtraLarge,
                    :vacanciesSmall, :vacanciesMedium, :vacanciesLarge, :vacanciesExtraLarge, :allocated, :seekers, :wait,
                    :newSeekers, :synthetic, :import, :by)
                ON CONFLICT (corporation_id, municipality_code, year) DO UPDATE SET homes_small = excluded.homes_small,
                    homes_medium = excluded.homes_medium, homes_large = excluded.homes_large,
                    homes_extra_large = excluded.homes_extra_large, vacancies_small = excluded.vacancies_small,
                    vacancies_medium = excluded.vacancies_medium, vacancies_large = excluded.vacancies_large,
                    vacancies_extra_large = excluded.vacancies_extra_large,
                    allocated_permit_holders = excluded.allocated_permit_holders,
                    active_seekers = excluded.active_seekers, median_wait_months = excluded.median_wait_months,
                    new_seekers_per_year = excluded.new_seekers_per_year, synthetic = excluded.synthetic,
                    import_id = excluded.import_id, version = market_figure.version + 1,
                    changed_by = excluded.changed_by, changed_at = now()""",
                batchRows.toArray(MapSqlParameterSource[]::new));
    }

    List<MarketImport> imports(long corporationId, int limit) {
        return jdbc.sql("""
                SELECT id, corporation_id, year, rows, replaced, synthetic, imported_by, imported_at FROM market_figure_import
                WHERE corporation_id = :corporation ORDER BY id DESC LIMIT :limit""")
                .param("corporation", corporationId).param("limit", limit)
                .query((rs, n) -> new MarketImport(rs.getLong("id"), rs.getLong("corporation_id"), rs.getInt("year"),
                        rs.getInt("rows"), rs.getInt("replaced"), rs.getBoolean("synthetic"), rs.getString("imported_by"),
                        rs.getTimestamp("imported_at").toInstant()))
                .list();
    }

    private static MapSqlParameterSource params(long corporationId, MunicipalityCode municipality, int year,
            FiguresForm form, boolean synthetic, String actor, Long importId) {
        return new MapSqlParameterSource().addValue("corporation", corporationId)
                .addValue("municipality", municipality.value()).addValue("year", year)
                .addValue("homesSmall", form.homes().get(SizeBand.SMALL))
                .addValue("homesMedium", form.homes().get(SizeBand.MEDIUM))
                .addValue("homesLarge", form.homes().get(SizeBand.LARGE))
                .addValue("homesExtraLarge", form.homes().get(SizeBand.EXTRA_LARGE))
                .addValue("vacanciesSmall", form.vacancies().get(SizeBand.SMALL))
                .addValue("vacanciesMedium", form.vacancies().get(SizeBand.MEDIUM))
                .addValue("vacanciesLarge", form.vacancies().get(SizeBand.LARGE))
                .addValue("vacanciesExtraLarge", form.vacancies().get(SizeBand.EXTRA_LARGE))
                .addValue("allocated", form.allocated()).addValue("seekers", form.activeSeekers())
                .addValue("wait", form.medianWaitMonths() == null ? null
                        : java.math.BigDecimal.valueOf(form.medianWaitMonths()).setScale(1, java.math.RoundingMode.HALF_UP),
                        Types.NUMERIC)
                .addValue("newSeekers", form.newSeekersPerYear(), Types.INTEGER)
                .addValue("synthetic", synthetic).addValue("by", actor).addValue("import", importId, Types.BIGINT);
    }

    private static HousingCorporation corporation(ResultSet rs, int n) throws SQLException {
        return new HousingCorporation(rs.getLong("id"), rs.getString("name"), rs.getString("code"),
                rs.getBoolean("synthetic"), rs.getInt("version"), rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant());
    }

    private static MunicipalFigures figure(ResultSet rs) throws SQLException {
        var homes = new EnumMap<SizeBand, Integer>(SizeBand.class);
        homes.put(SizeBand.SMALL, rs.getInt("homes_small"));
        homes.put(SizeBand.MEDIUM, rs.getInt("homes_medium"));
        homes.put(SizeBand.LARGE, rs.getInt("homes_large"));
        homes.put(SizeBand.EXTRA_LARGE, rs.getInt("homes_extra_large"));
        var vacancies = new EnumMap<SizeBand, Integer>(SizeBand.class);
        vacancies.put(SizeBand.SMALL, rs.getInt("vacancies_small"));
        vacancies.put(SizeBand.MEDIUM, rs.getInt("vacancies_medium"));
        vacancies.put(SizeBand.LARGE, rs.getInt("vacancies_large"));
        vacancies.put(SizeBand.EXTRA_LARGE, rs.getInt("vacancies_extra_large"));
        var wait = rs.getBigDecimal("median_wait_months");
        var newSeekers = rs.getObject("new_seekers_per_year", Integer.class);
        return new MunicipalFigures(rs.getLong("corporation_id"), rs.getString("corporation_name"),
                MunicipalityCode.of(rs.getString("municipality_code")), rs.getInt("year"), homes, vacancies,
                rs.getInt("allocated_permit_holders"), rs.getInt("active_seekers"),
                wait == null ? null : wait.doubleValue(), newSeekers, rs.getBoolean("synthetic"), rs.getInt("version"),
                rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
    }
}
