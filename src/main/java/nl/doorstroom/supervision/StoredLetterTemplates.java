package nl.doorstroom.supervision;

import java.util.List;
import java.util.Optional;

import nl.doorstroom.shared.ProvinceCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The provinces' own letter texts; each change is based on the version read. */
@Repository
class StoredLetterTemplates {

    record Stored(DocumentKind kind, String body, int version) {
    }

    private final JdbcClient jdbc;

    StoredLetterTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(ProvinceCode province, DocumentKind kind) {
        return jdbc.sql("SELECT kind, body, version FROM letter_template WHERE province_code = :province AND kind = :kind")
                .param("province", province.value()).param("kind", kind.name())
                .query((rs, n) -> new Stored(DocumentKind.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3)))
                .optional();
    }

    List<Stored> all(ProvinceCode province) {
        return jdbc.sql("SELECT kind, body, version FROM letter_template WHERE province_code = :province")
                .param("province", province.value())
                .query((rs, n) -> new Stored(DocumentKind.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3)))
                .list();
    }

    /** The province's first own text; false when someone else stored one in the meantime. */
    boolean insert(ProvinceCode province, DocumentKind kind, String body, String actor) {
        return jdbc.sql("""
                INSERT INTO letter_template (province_code, kind, body, version, changed_by)
                VALUES (:province, :kind, :body, 0, :actor)
                ON CONFLICT (province_code, kind) DO NOTHING""")
                .param("province", province.value()).param("kind", kind.name()).param("body", body)
                .param("actor", actor).update() == 1;
    }

    /** Replaces the text read at {@code version}; false when it changed in the meantime. */
    boolean update(ProvinceCode province, DocumentKind kind, String body, int version, String actor) {
        return jdbc.sql("""
                UPDATE letter_template SET body = :body, version = version + 1, changed_by = :actor, changed_at = now()
                WHERE province_code = :province AND kind = :kind AND version = :version""")
                .param("province", province.value()).param("kind", kind.name()).param("body", body)
                .param("actor", actor).param("version", version).update() == 1;
    }

    /** Removes the text read at {@code version}; false when it changed in the meantime. */
    boolean delete(ProvinceCode province, DocumentKind kind, int version) {
        return jdbc.sql("DELETE FROM letter_template WHERE province_code = :province AND kind = :kind AND version = :version")
                .param("province", province.value()).param("kind", kind.name()).param("version", version)
                .update() == 1;
    }
}
