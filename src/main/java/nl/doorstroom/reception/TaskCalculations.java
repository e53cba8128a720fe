package nl.doorstroom.reception;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import nl.doorstroom.quota.ApportionmentMethod;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The national totals and the stored computations of the reception task, with their result per municipality. */
@Repository
class TaskCalculations {

    /** What a computation stored for one municipality. */
    record Task(MunicipalityCode municipality, long population, BigDecimal welfareFactor, long task) {
    }

    private final JdbcClient jdbc;

    TaskCalculations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TaskTotal> totals() {
        return jdbc.sql(TOTALS + " ORDER BY effective_date DESC, id DESC").query(TaskCalculations::total).list();
    }

    Optional<TaskTotal> total(long id) {
        return jdbc.sql(TOTALS + " WHERE id = :id").param("id", id).query(TaskCalculations::total).optional();
    }

    /** The entered total with the latest effective date on or before the date (the later entry on the same date). */
    Optional<TaskTotal> totalOn(LocalDate date) {
        return jdbc.sql(TOTALS + " WHERE effective_date <= :date ORDER BY effective_date DESC, id DESC LIMIT 1")
                .param("date", date).query(TaskCalculations::total).optional();
    }

    long insertTotal(int total, LocalDate effectiveDate, String reason, boolean synthetic, String by) {
        return jdbc.sql("""
                INSERT INTO reception_task_total (total, effective_date, reason, synthetic, entered_by)
                VALUES (:total, :date, :reason, :synthetic, :by) RETURNING id""")
                .param("total", total).param("date", effectiveDate).param("reason", reason)
                .param("synthetic", synthetic).param("by", by).query(Long.class).single();
    }

    List<TaskCalculation> calculations() {
        return jdbc.sql(CALCULATIONS + " ORDER BY effective_date DESC, id DESC").query(TaskCalculations::calculation)
                .list();
    }

    Optional<TaskCalculation> calculation(long id) {
        return jdbc.sql(CALCULATIONS + " WHERE id = :id").param("id", id).query(TaskCalculations::calculation)
                .optional();
    }

    /** The computation in force on a date: the latest effective date on or before it, the later one on a tie. */
    Optional<TaskCalculation> calculationOn(LocalDate date) {
        return jdbc.sql(CALCULATIONS + " WHERE effective_date <= :date ORDER BY effective_date DESC, id DESC LIMIT 1")
                .param("date", date).query(TaskCalculations::calculation).optional();
    }

    long insertCalculation(TaskCalculation c, String by, Map<MunicipalityCode, Task> tasks) {
        long id = jdbc.sql("""
                INSERT INTO reception_task_calculation (total_id, total, allocated, distribution_key, method,
                    population_version_id, welfare_version_id, effective_date, synthetic, computed_by)
                VALUES (:totalId, :total, :allocated, :key, :method, :population, :welfare, :date, :synthetic, :by)
                RETURNING id""")
                .param("totalId", c.totalId()).param("total", c.total()).param("allocated", c.allocated())
                .param("key", c.distributionKey()).param("method", c.method().name())
                .param("population", c.populationVersionId()).param("welfare", c.welfareVersionId())
                .param("date", c.effectiveDate()).param("synthetic", c.synthetic()).param("by", by)
                .query(Long.class).single();
        var sql = new StringBuilder();
        var params = new HashMap<String, Object>();
        int i = 0;
        for (var task : new TreeMap<>(tasks).values()) {
            sql.append(i == 0 ? "" : ",").append("(:id, :c").append(i).append(", :p").append(i).append(", :w")
                    .append(i).append(", :t").append(i).append(")");
            params.put("c" + i, task.municipality().value());
            params.put("p" + i, task.population());
            params.put("w" + i, task.welfareFactor());
            params.put("t" + i, task.task());
            i++;
        }
        params.put("id", id);
        jdbc.sql("INSERT INTO reception_task (calculation_id, municipality_code, population, welfare_factor, task) VALUES "
                + sql).params(params).update();
        return id;
    }

    Map<MunicipalityCode, Task> tasks(long calculationId) {
        var tasks = new TreeMap<MunicipalityCode, Task>();
        jdbc.sql("""
                SELECT municipality_code, population, welfare_factor, task FROM reception_task
                WHERE calculation_id = :id""").param("id", calculationId)
                .query((rs, n) -> new Task(MunicipalityCode.of(rs.getString(1)), rs.getLong(2), rs.getBigDecimal(3),
                        rs.getLong(4)))
                .list().forEach(t -> tasks.put(t.municipality(), t));
        return tasks;
    }

    private static final String TOTALS = """
            SELECT id, total, effective_date, reason, synthetic, entered_by, entered_at FROM reception_task_total""";

    private static final String CALCULATIONS = """
            SELECT id, total_id, total, allocated, distribution_key, method, population_version_id, welfare_version_id,
                   effective_date, synthetic, computed_by, computed_at
            FROM reception_task_calculation""";

    private static TaskTotal total(ResultSet rs, int row) throws SQLException {
        return new TaskTotal(rs.getLong("id"), rs.getInt("total"), rs.getObject("effective_date", LocalDate.class),
                rs.getString("reason"), rs.getBoolean("synthetic"), rs.getString("entered_by"),
                rs.getTimestamp("entered_at").toInstant());
    }

    private static TaskCalculation calculation(ResultSet rs, int row) throws SQLException {
        long totalId = rs.getLong("total_id");
        return new TaskCalculation(rs.getLong("id"), rs.wasNull() ? null : totalId, rs.getInt("total"),
                rs.getLong("allocated"), rs.getString("distribution_key"),
                ApportionmentMethod.valueOf(rs.getString("method")), rs.getLong("population_version_id"),
                rs.getLong("welfare_version_id"), rs.getObject("effective_date", LocalDate.class),
                rs.getBoolean("synthetic"), rs.getString("computed_by"), rs.getTimestamp("computed_at").toInstant());
    }
}
