package nl.doorstroom.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cases with their steps, course of action, costs, the minister's requests and documents. */
@Repository
class StoredCases {

    private final JdbcClient jdbc;
    private final MunicipalityRegistry registry;

    StoredCases(JdbcClient jdbc, MunicipalityRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** Cases in a province (null: all), of a municipality (null: all), open only or all. */
    List<EscalationCase> find(ProvinceCode province, MunicipalityCode municipality, boolean openOnly) {
        var heads = jdbc.sql("""
                SELECT id, municipality_code, province_code, opened_on, reason, opened_by_policy_after, opened_by, status,
                       closed_on, closure, closure_note, commitment_text, commitment_places, commitment_due,
                       commitment_on, commitment_by, synthetic, version
                FROM escalation_case
                WHERE (CAST(:p AS text) IS NULL OR province_code = :p) AND (CAST(:m AS text) IS NULL OR municipality_code = :m)
                  AND (NOT :open OR status = 'OPEN')
                ORDER BY opened_on DESC, id DESC""")
                .param("p", province == null ? null : province.value())
                .param("m", municipality == null ? null : municipality.value()).param("open", openOnly)
                .query((rs, n) -> head(rs)).list();
        return assemble(heads);
    }

    java.util.Optional<EscalationCase> byId(long id) {
        var heads = jdbc.sql("""
                SELECT id, municipality_code, province_code, opened_on, reason, opened_by_policy_after, opened_by, status,
                       closed_on, closure, closure_note, commitment_text, commitment_places, commitment_due,
                       commitment_on, commitment_by, synthetic, version
                FROM escalation_case WHERE id = :id""").param("id", id).query((rs, n) -> head(rs)).list();
        return assemble(heads).stream().findFirst();
    }

    private record Head(long id, MunicipalityCode municipality, ProvinceCode province, LocalDate openedOn, String reason,
            Integer policyAfter, String openedBy, EscalationCase.Status status, LocalDate closedOn,
            EscalationCase.Closure closure, String closureNote, EscalationCase.Commitment commitment, boolean synthetic,
            int version) {
    }

    private static Head head(ResultSet rs) throws SQLException {
        var commitment = rs.getString(12) == null ? null : new EscalationCase.Commitment(rs.getString(12),
                (Integer) rs.getObject(13), date(rs, 14), date(rs, 15), rs.getString(16));
        return new Head(rs.getLong(1), MunicipalityCode.of(rs.getString(2)), ProvinceCode.of(rs.getString(3)),
                date(rs, 4), rs.getString(5), (Integer) rs.getObject(6), rs.getString(7),
                EscalationCase.Status.valueOf(rs.getString(8)), date(rs, 9),
                rs.getString(10) == null ? null : EscalationCase.Closure.valueOf(rs.getString(10)), rs.getString(11),
                commitment, rs.getBoolean(17), rs.getInt(18));
    }

    static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private List<EscalationCase> assemble(List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        var ids = heads.stream().map(Head::id).toList();
        var steps = children(ids, """
                SELECT case_id, seq, step_key, kind, name, term_days, step_on, due_on, decision_maker, notes, justification,
                       urgent, recorded_by, recorded_at
                FROM escalation_case_step WHERE case_id IN (:ids) ORDER BY case_id, seq""",
                rs -> new CaseStep(rs.getInt(2), rs.getString(3), StepKind.valueOf(rs.getString(4)), rs.getString(5),
                        (Integer) rs.getObject(6), date(rs, 7), date(rs, 8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getBoolean(12), rs.getString(13), rs.getTimestamp(14).toInstant()));
        var actions = children(ids, """
                SELECT case_id, id, kind, description, places, due_on, partners, agreed_on, recorded_by
                FROM escalation_case_action WHERE case_id IN (:ids) ORDER BY case_id, agreed_on, id""",
                rs -> new EscalationCase.CourseItem(rs.getLong(2), EscalationCase.ActionKind.valueOf(rs.getString(3)),
                        rs.getString(4), (Integer) rs.getObject(5), date(rs, 6), rs.getString(7), date(rs, 8),
                        rs.getString(9)));
        var costs = children(ids, """
                SELECT case_id, id, incurred_on, description, amount, recorded_by
                FROM escalation_case_cost WHERE case_id IN (:ids) ORDER BY case_id, incurred_on, id""",
                rs -> new EscalationCase.Cost(rs.getLong(2), date(rs, 3), rs.getString(4), rs.getBigDecimal(5),
                        rs.getString(6)));
        var requests = children(ids, """
                SELECT case_id, id, requested_on, reference, note, recorded_by, recorded_at
                FROM minister_request WHERE case_id IN (:ids) ORDER BY case_id, requested_on, id""",
                rs -> new EscalationCase.MinisterRequest(rs.getLong(2), date(rs, 3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()));
        var documents = children(ids, """
                SELECT case_id, id, step_seq, kind, title, deadline, for_publication, published_on, sent_to_council_on,
                       created_by, created_at
                FROM escalation_document WHERE case_id IN (:ids) ORDER BY case_id, created_at, id""",
                rs -> new EscalationCase.CaseDocument(rs.getLong(2), rs.getInt(3), DocumentKind.valueOf(rs.getString(4)),
                        rs.getString(5), date(rs, 6), rs.getBoolean(7), date(rs, 8), date(rs, 9), rs.getString(10),
                        rs.getTimestamp(11).toInstant()));
        var names = registry.names();
        var provinces = new HashMap<ProvinceCode, String>();
        registry.provinces().forEach(p -> provinces.put(p.code(), p.name()));
        var cases = new ArrayList<EscalationCase>();
        for (var h : heads) {
            cases.add(new EscalationCase(h.id(), h.municipality(), names.getOrDefault(h.municipality(),
                    h.municipality().value()), h.province(), provinces.getOrDefault(h.province(), h.province().value()),
                    h.openedOn(), h.reason(), h.policyAfter(), h.openedBy(), h.status(), h.closedOn(), h.closure(),
                    h.closureNote(), h.commitment(), steps.getOrDefault(h.id(), List.of()),
                    actions.getOrDefault(h.id(), List.of()), costs.getOrDefault(h.id(), List.of()),
                    requests.getOrDefault(h.id(), List.of()), documents.getOrDefault(h.id(), List.of()), h.synthetic(),
                    h.version()));
        }
        return cases;
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> Map<Long, List<T>> children(Collection<Long> ids, String sql, Row<T> row) {
        var found = new HashMap<Long, List<T>>();
        jdbc.sql(sql).param("ids", ids).query(rs -> {
            found.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(row.map(rs));
        });
        found.replaceAll((k, v) -> List.copyOf(v));
        return found;
    }

    byte[] pdf(long caseId, long documentId) {
        return jdbc.sql("SELECT pdf FROM escalation_document WHERE id = :d AND case_id = :c")
                .param("d", documentId).param("c", caseId).query(byte[].class).optional()
                .orElseThrow(() -> new SupervisionNotFound("document " + documentId));
    }
}
