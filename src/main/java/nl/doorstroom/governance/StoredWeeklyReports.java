package nl.doorstroom.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The kept weekly reports: figures as JSON, the PDF as bytes. */
@Repository
class StoredWeeklyReports {

    static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private static final String COLUMNS = """
            SELECT id, reference_date, locale, kind, generated_at, generated_by, synthetic, figures::text,
                   octet_length(pdf), pdf_millis FROM weekly_report""";

    private final JdbcClient jdbc;

    StoredWeeklyReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String json(ReportFigures figures) {
        return JSON.writeValueAsString(figures);
    }

    static ReportFigures figures(String json) {
        return JSON.readValue(json, ReportFigures.class);
    }

    private static WeeklyReport report(ResultSet rs) throws SQLException {
        return new WeeklyReport(rs.getLong(1), rs.getObject(2, LocalDate.class), Locale.forLanguageTag(rs.getString(3)),
                WeeklyReport.Kind.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getString(6),
                rs.getBoolean(7), figures(rs.getString(8)), rs.getInt(9), rs.getInt(10));
    }

    long add(LocalDate date, Locale locale, WeeklyReport.Kind kind, String by, boolean synthetic, String figures,
            byte[] pdf, int millis) {
        return jdbc.sql("""
                INSERT INTO weekly_report (reference_date, locale, kind, generated_by, synthetic, figures, pdf, pdf_millis)
                VALUES (:date, :locale, :kind, :by, :synthetic, CAST(:figures AS jsonb), :pdf, :millis) RETURNING id""")
                .param("date", date).param("locale", locale.toLanguageTag()).param("kind", kind.name())
                .param("by", by).param("synthetic", synthetic).param("figures", figures).param("pdf", pdf)
                .param("millis", millis).query(Long.class).single();
    }

    boolean scheduledExists(LocalDate date) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM weekly_report WHERE reference_date = :date AND kind = 'SCHEDULED')")
                .param("date", date).query(Boolean.class).single();
    }

    List<WeeklyReport> latest(int limit) {
        return jdbc.sql(COLUMNS + " ORDER BY generated_at DESC, id DESC LIMIT :n").param("n", limit)
                .query((rs, n) -> report(rs)).list();
    }

    Optional<WeeklyReport> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query((rs, n) -> report(rs)).optional();
    }

    Optional<byte[]> pdf(long id) {
        return jdbc.sql("SELECT pdf FROM weekly_report WHERE id = :id").param("id", id).query(byte[].class).optional();
    }
}
