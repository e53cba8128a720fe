package nl.doorstroom.forecasting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import nl.doorstroom.forecasting.engine.CapacityChange;
import nl.doorstroom.forecasting.engine.Forecast;
import nl.doorstroom.forecasting.engine.WeekForecast;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Scenarios and runs in the database; parameters and results as JSON text. */
@Repository
class StoredForecasts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The parameters as stored. */
    record StoredParameters(Map<String, Double> values, List<CapacityChange> capacityChanges) {
    }

    /** A forecast as stored: the runway as numbers, -1 for never. */
    record StoredResult(int runs, long seed, List<WeekForecast> weeks, int runwayMedian, int runwayP90) {
    }

    private final JdbcClient jdbc;

    StoredForecasts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String json(ScenarioParameters p) {
        return JSON.writeValueAsString(new StoredParameters(p.values(), p.capacityChanges()));
    }

    static ScenarioParameters parameters(String json) {
        var stored = JSON.readValue(json, StoredParameters.class);
        return new ScenarioParameters(stored.values(), stored.capacityChanges() == null ? List.of() : stored.capacityChanges());
    }

    static String json(Forecast f) {
        return JSON.writeValueAsString(new StoredResult(f.runs(), f.seed(), f.weeks(), f.runwayMedian().orElse(-1),
                f.runwayP90().orElse(-1)));
    }

    static Forecast forecast(String json) {
        if (json == null) {
            return null;
        }
        var r = JSON.readValue(json, StoredResult.class);
        return new Forecast(r.runs(), r.seed(), r.weeks(),
                r.runwayMedian() < 0 ? OptionalInt.empty() : OptionalInt.of(r.runwayMedian()),
                r.runwayP90() < 0 ? OptionalInt.empty() : OptionalInt.of(r.runwayP90()));
    }

    private static final String SCENARIO = """
            SELECT id, name, description, parameters, start_on, created_by, created_at, changed_by, changed_at, synthetic,
                   version FROM forecast_scenario""";

    private static ForecastScenario scenario(ResultSet rs) throws SQLException {
        return new ForecastScenario(rs.getLong(1), rs.getString(2), rs.getString(3), parameters(rs.getString(4)),
                rs.getDate(5).toLocalDate(), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                rs.getTimestamp(9).toInstant(), rs.getBoolean(10), rs.getInt(11));
    }

    List<ForecastScenario> scenarios() {
        return jdbc.sql(SCENARIO + " ORDER BY created_at DESC, id DESC").query((rs, n) -> scenario(rs)).list();
    }

    Optional<ForecastScenario> scenario(long id) {
        return jdbc.sql(SCENARIO + " WHERE id = :id").param("id", id).query((rs, n) -> scenario(rs)).optional();
    }

    private static final String RUN = """
            SELECT r.id, r.scenario_id, s.name, r.parameters, r.start_on, r.runs, r.seed, r.status, r.done,
                   r.cancel_requested, r.requested_by, r.requested_at, r.finished_at, r.failure, %s
            FROM forecast_run r JOIN forecast_scenario s ON s.id = r.scenario_id""";

    private static ForecastRun run(ResultSet rs, boolean withResult) throws SQLException {
        return new ForecastRun(rs.getLong(1), rs.getLong(2), rs.getString(3), parameters(rs.getString(4)),
                rs.getDate(5).toLocalDate(), rs.getInt(6), rs.getLong(7), ForecastRun.Status.valueOf(rs.getString(8)),
                rs.getInt(9), rs.getBoolean(10), rs.getString(11), rs.getTimestamp(12).toInstant(),
                rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), rs.getString(14),
                withResult ? forecast(rs.getString(15)) : null);
    }

    Optional<ForecastRun> run(long id) {
        return jdbc.sql(RUN.formatted("r.result") + " WHERE r.id = :id").param("id", id)
                .query((rs, n) -> run(rs, true)).optional();
    }

    /** Runs without their results (for lists and progress). */
    List<ForecastRun> runs(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(RUN.formatted("NULL") + " WHERE r.id IN (:ids) ORDER BY r.id").param("ids", ids)
                .query((rs, n) -> run(rs, false)).list();
    }

    List<ForecastRun> recentRuns(int limit) {
        return jdbc.sql(RUN.formatted("NULL") + " ORDER BY r.id DESC LIMIT :n").param("n", limit)
                .query((rs, n) -> run(rs, false)).list();
    }

    /** The latest run of each scenario that was done before an instant, with its runway; scenarios by name. */
    List<ScenarioRunway> latestDoneBefore(java.time.Instant before) {
        return jdbc.sql("""
                SELECT * FROM (
                    SELECT DISTINCT ON (r.scenario_id) r.scenario_id, s.name, s.synthetic, r.id, r.start_on, r.finished_at,
                           r.result
                    FROM forecast_run r JOIN forecast_scenario s ON s.id = r.scenario_id
                    WHERE r.status = 'DONE' AND r.finished_at < :before
                    ORDER BY r.scenario_id, r.finished_at DESC, r.id DESC) latest
                ORDER BY name, scenario_id""")
                .param("before", java.sql.Timestamp.from(before))
                .query((rs, n) -> {
                    var f = forecast(rs.getString(7));
                    return new ScenarioRunway(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4),
                            rs.getDate(5).toLocalDate(), rs.getTimestamp(6).toInstant(), f.horizonWeeks(),
                            f.runwayMedian().isPresent() ? f.runwayMedian().getAsInt() : null,
                            f.runwayP90().isPresent() ? f.runwayP90().getAsInt() : null);
                }).list();
    }
}
