package nl.doorstroom.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only record of every change, and of every read of personal data. A change and its
 * audit row share one transaction: if the row cannot be written, the change does not happen.
 * Rows are never updated or deleted (the database refuses it, see the identity migration).
 */
@Service
public class AuditTrail {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** One audit row. {@code detail} never holds personal data, only ids and figures. */
    public record AuditEvent(long id, Instant occurredAt, String actor, String action, String subjectType,
            String subjectId, String detail) {
    }

    /** What to look for; every field may be empty. Dates are inclusive, in Dutch time. */
    public record AuditQuery(String actor, String action, String subjectType, LocalDate from, LocalDate to) {
    }

    public record AuditPage(List<AuditEvent> events, int page, int size, long total) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a change made by the current user (or the system). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordChange(String action, String subjectType, Object subjectId, String detail) {
        record(CurrentUser.actor(), action, subjectType, subjectId, detail);
    }

    /** Records a change outside a request, naming the actor explicitly. */
    @Transactional
    public void record(String actor, String action, String subjectType, Object subjectId, String detail) {
        jdbc.sql("""
                INSERT INTO audit_event (actor, action, subject_type, subject_id, detail)
                VALUES (:actor, :action, :type, :id, :detail)""")
                .param("actor", actor)
                .param("action", action)
                .param("type", subjectType)
                .param("id", subjectId == null ? null : String.valueOf(subjectId))
                .param("detail", detail)
                .update();
    }

    @Transactional(readOnly = true)
    public AuditPage search(AuditQuery query, int page, int size) {
        var where = new ArrayList<String>();
        var params = new java.util.HashMap<String, Object>();
        if (notBlank(query.actor())) {
            where.add("actor = :actor");
            params.put("actor", query.actor().strip());
        }
        if (notBlank(query.action())) {
            where.add("action LIKE :action");
            params.put("action", query.action().strip() + "%");
        }
        if (notBlank(query.subjectType())) {
            where.add("subject_type = :subjectType");
            params.put("subjectType", query.subjectType().strip());
        }
        if (query.from() != null) {
            where.add("occurred_at >= :from");
            params.put("from", java.sql.Timestamp.from(query.from().atStartOfDay(ZONE).toInstant()));
        }
        if (query.to() != null) {
            where.add("occurred_at < :to");
            params.put("to", java.sql.Timestamp.from(query.to().plusDays(1).atStartOfDay(ZONE).toInstant()));
        }
        var clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*) FROM audit_event" + clause).params(params).query(Long.class).single();
        var events = jdbc.sql("""
                SELECT id, occurred_at, actor, action, subject_type, subject_id, detail
                FROM audit_event""" + clause + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) Math.max(0, page) * size)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
                        rs.getString("subject_id"), rs.getString("detail")))
                .list();
        return new AuditPage(events, Math.max(0, page), size, total);
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
