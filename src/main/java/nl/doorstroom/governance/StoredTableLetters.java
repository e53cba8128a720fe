package nl.doorstroom.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table's letter templates and generated batches, in the database; each template change is based on the version read. */
@Repository
class StoredTableLetters {

    private static final String TEMPLATE = "SELECT id, name, subject, body, version, changed_by, changed_at FROM table_letter_template";

    private static final String BATCH = """
            SELECT id, letter_date, template_id, template_name, template_version, municipalities, province_code,
                   synthetic, created_by, created_at FROM table_letter_batch""";

    private final JdbcClient jdbc;

    StoredTableLetters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TableLetterTemplate> templates() {
        return jdbc.sql(TEMPLATE + " ORDER BY name").query(StoredTableLetters::template).list();
    }

    Optional<TableLetterTemplate> template(long id) {
        return jdbc.sql(TEMPLATE + " WHERE id = :id").param("id", id).query(StoredTableLetters::template).optional();
    }

    boolean nameTaken(String name, Long besides) {
        return jdbc.sql("SELECT count(*) FROM table_letter_template WHERE lower(name) = lower(:name) AND id <> :besides")
                .param("name", name).param("besides", besides == null ? -1L : besides).query(Long.class).single() > 0;
    }

    long insert(String name, String subject, String body, String actor) {
        return jdbc.sql("""
                INSERT INTO table_letter_template (name, subject, body, version, changed_by)
                VALUES (:name, :subject, :body, 0, :actor) RETURNING id""")
                .param("name", name).param("subject", subject).param("body", body).param("actor", actor)
                .query(Long.class).single();
    }

    /** Replaces the template read at {@code version}; false when it changed in the meantime. */
    boolean update(long id, int version, String name, String subject, String body, String actor) {
        return jdbc.sql("""
                UPDATE table_letter_template SET name = :name, subject = :subject, body = :body, version = version + 1,
                       changed_by = :actor, changed_at = now()
                WHERE id = :id AND version = :version""")
                .param("id", id).param("version", version).param("name", name).param("subject", subject)
                .param("body", body).param("actor", actor).update() == 1;
    }

    long insertBatch(LocalDate letterDate, TableLetterTemplate template, List<MunicipalityCode> municipalities,
            ProvinceCode province, boolean synthetic, String actor, byte[] pdf) {
        return jdbc.sql("""
                INSERT INTO table_letter_batch (letter_date, template_id, template_name, template_version, municipalities,
                       letters, province_code, synthetic, created_by, pdf)
                VALUES (:date, :template, :name, :version, :municipalities, :letters, :province, :synthetic, :actor, :pdf)
                RETURNING id""")
                .param("date", letterDate).param("template", template.id()).param("name", template.name())
                .param("version", template.version())
                .param("municipalities", municipalities.stream().map(MunicipalityCode::value).collect(Collectors.joining(",")))
                .param("letters", municipalities.size()).param("province", province == null ? null : province.value())
                .param("synthetic", synthetic).param("actor", actor).param("pdf", pdf)
                .query(Long.class).single();
    }

    /** The batches, newest first; of one province only when {@code province} is given. */
    List<TableLetterBatch> batches(ProvinceCode province, int limit) {
        var where = province == null ? "" : " WHERE province_code = :province";
        var query = jdbc.sql(BATCH + where + " ORDER BY created_at DESC, id DESC LIMIT :limit").param("limit", limit);
        if (province != null) {
            query = query.param("province", province.value());
        }
        return query.query(StoredTableLetters::batch).list();
    }

    Optional<TableLetterBatch> batch(long id) {
        return jdbc.sql(BATCH + " WHERE id = :id").param("id", id).query(StoredTableLetters::batch).optional();
    }

    Optional<byte[]> pdf(long id) {
        return jdbc.sql("SELECT pdf FROM table_letter_batch WHERE id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static TableLetterTemplate template(ResultSet rs, int n) throws SQLException {
        return new TableLetterTemplate(rs.getLong("id"), rs.getString("name"), rs.getString("subject"),
                rs.getString("body"), rs.getInt("version"), rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant());
    }

    private static TableLetterBatch batch(ResultSet rs, int n) throws SQLException {
        var codes = Arrays.stream(rs.getString("municipalities").split(",")).filter(s -> !s.isBlank())
                .map(MunicipalityCode::of).toList();
        var province = rs.getString("province_code");
        return new TableLetterBatch(rs.getLong("id"), rs.getObject("letter_date", LocalDate.class),
                rs.getLong("template_id"), rs.getString("template_name"), rs.getInt("template_version"), codes,
                province == null ? null : ProvinceCode.of(province), rs.getBoolean("synthetic"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
