package nl.doorstroom.coordination;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contacts, commitments, follow-ups, set-asides and the call policy, in the database. */
@Repository
class StoredContacts {

    private final JdbcClient jdbc;

    StoredContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertContact(ContactForm form, String coordinator, String actor) {
        return jdbc.sql("""
                INSERT INTO contact (party_kind, municipality_code, province_code, party_name, contact_kind, occurred_on,
                    coordinator, counterpart, outcome, created_by)
                VALUES (:party, :municipality, :province, :name, :kind, :on, :coordinator, :counterpart, :outcome, :actor)
                RETURNING id""")
                .param("party", form.party().name()).param("municipality", value(form.municipality()))
                .param("province", form.province() == null ? null : form.province().value())
                .param("name", ContactForm.clean(form.partyName())).param("kind", form.kind().name())
                .param("on", form.occurredOn()).param("coordinator", coordinator)
                .param("counterpart", ContactForm.clean(form.counterpart()))
                .param("outcome", ContactForm.clean(form.outcome())).param("actor", actor).query(Long.class).single();
    }

    /** Changes a contact if it is still at {@code version}; answers whether it was. */
    boolean updateContact(long id, int version, ContactForm form) {
        return jdbc.sql("""
                UPDATE contact SET party_kind = :party, municipality_code = :municipality, province_code = :province,
                    party_name = :name, contact_kind = :kind, occurred_on = :on, counterpart = :counterpart,
                    outcome = :outcome, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("party", form.party().name()).param("municipality", value(form.municipality()))
                .param("province", form.province() == null ? null : form.province().value())
                .param("name", ContactForm.clean(form.partyName())).param("kind", form.kind().name())
                .param("on", form.occurredOn()).param("counterpart", ContactForm.clean(form.counterpart()))
                .param("outcome", ContactForm.clean(form.outcome())).param("id", id).param("version", version)
                .update() == 1;
    }

    long insertCommitment(long contactId, ContactForm.CommitmentForm form, LocalDate madeOn) {
        return jdbc.sql("""
                INSERT INTO commitment (contact_id, municipality_code, places, kind, site_id, expected_on, made_on)
                VALUES (:contact, :municipality, :places, :kind, :site, :expected, :made) RETURNING id""")
                .param("contact", contactId).param("municipality", form.municipality().value())
                .param("places", form.places()).param("kind", form.kind().name()).param("site", form.siteId())
                .param("expected", form.expectedOn()).param("made", madeOn).query(Long.class).single();
    }

    long insertFollowUp(long contactId, ContactForm.FollowUpForm form) {
        return jdbc.sql("""
                INSERT INTO follow_up (contact_id, description, due_on, assignee)
                VALUES (:contact, :description, :due, :assignee) RETURNING id""")
                .param("contact", contactId).param("description", ContactForm.clean(form.description()))
                .param("due", form.dueOn()).param("assignee", ContactForm.clean(form.assignee())).query(Long.class)
                .single();
    }

    private static final String CONTACT = """
            SELECT id, party_kind, municipality_code, province_code, party_name, contact_kind, occurred_on, coordinator,
                counterpart, outcome, version FROM contact""";

    Optional<Contact> contact(long id) {
        return jdbc.sql(CONTACT + " WHERE id = :id").param("id", id).query((rs, n) -> contact(rs)).optional();
    }

    /** Contacts, latest first; with a municipality its own, with provinces those in or about them. */
    List<Contact> contacts(MunicipalityCode municipality, List<String> municipalitiesOfProvinces,
            List<String> provinces, int limit) {
        var where = new StringBuilder(" WHERE TRUE");
        if (municipality != null) {
            where.append(" AND municipality_code = :municipality");
        }
        if (provinces != null) {
            where.append(" AND (municipality_code = ANY(:municipalities) OR province_code = ANY(:provinces))");
        }
        return jdbc.sql(CONTACT + where + " ORDER BY occurred_on DESC, id DESC LIMIT :limit")
                .param("municipality", value(municipality))
                .param("municipalities", municipalitiesOfProvinces == null ? new String[0]
                        : municipalitiesOfProvinces.toArray(String[]::new))
                .param("provinces", provinces == null ? new String[0] : provinces.toArray(String[]::new))
                .param("limit", limit).query((rs, n) -> contact(rs)).list();
    }

    private static Contact contact(ResultSet rs) throws SQLException {
        var municipality = rs.getString("municipality_code");
        var province = rs.getString("province_code");
        return new Contact(rs.getLong("id"), Contact.Party.valueOf(rs.getString("party_kind")),
                municipality == null ? null : MunicipalityCode.of(municipality),
                province == null ? null : ProvinceCode.of(province), rs.getString("party_name"),
                Contact.Kind.valueOf(rs.getString("contact_kind")), rs.getObject("occurred_on", LocalDate.class),
                rs.getString("coordinator"), rs.getString("counterpart"), rs.getString("outcome"), rs.getInt("version"));
    }

    private static final String COMMITMENT = """
            SELECT id, contact_id, municipality_code, places, kind, site_id, expected_on, status, realised_places,
                realised_on, reason, made_on, version FROM commitment""";

    List<Commitment> commitmentsOfContact(long contactId) {
        return jdbc.sql(COMMITMENT + " WHERE contact_id = :id ORDER BY id").param("id", contactId)
                .query((rs, n) -> commitment(rs)).list();
    }

    List<Commitment> commitmentsOf(MunicipalityCode municipality) {
        return jdbc.sql(COMMITMENT + " WHERE municipality_code = :code ORDER BY made_on DESC, id DESC")
                .param("code", municipality.value()).query((rs, n) -> commitment(rs)).list();
    }

    List<Commitment> commitments(boolean openOnly, int limit) {
        return jdbc.sql(COMMITMENT + (openOnly ? " WHERE status = 'OPEN'" : "")
                + " ORDER BY expected_on, id LIMIT :limit").param("limit", limit).query((rs, n) -> commitment(rs)).list();
    }

    Optional<Commitment> commitment(long id) {
        return jdbc.sql(COMMITMENT + " WHERE id = :id").param("id", id).query((rs, n) -> commitment(rs)).optional();
    }

    boolean decide(long id, int version, Commitment.Status status, Integer realisedPlaces, LocalDate realisedOn,
            String reason, String actor) {
        return jdbc.sql("""
                UPDATE commitment SET status = :status, realised_places = :places, realised_on = :on, reason = :reason,
                    decided_by = :actor, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", status.name()).param("places", realisedPlaces).param("on", realisedOn)
                .param("reason", reason).param("actor", actor).param("id", id).param("version", version).update() == 1;
    }

    private static Commitment commitment(ResultSet rs) throws SQLException {
        return new Commitment(rs.getLong("id"), rs.getLong("contact_id"), MunicipalityCode.of(rs.getString("municipality_code")),
                rs.getInt("places"), Commitment.Kind.valueOf(rs.getString("kind")), (Long) rs.getObject("site_id"),
                rs.getObject("expected_on", LocalDate.class), Commitment.Status.valueOf(rs.getString("status")),
                (Integer) rs.getObject("realised_places"), rs.getObject("realised_on", LocalDate.class),
                rs.getString("reason"), rs.getObject("made_on", LocalDate.class), rs.getInt("version"));
    }

    private static final String FOLLOW_UP = "SELECT id, contact_id, description, due_on, assignee, done_on, version FROM follow_up";

    List<FollowUp> followUpsOfContact(long contactId) {
        return jdbc.sql(FOLLOW_UP + " WHERE contact_id = :id ORDER BY due_on, id").param("id", contactId)
                .query((rs, n) -> followUp(rs)).list();
    }

    /** Open follow-ups of an assignee, oldest due date first (so the overdue come first). */
    List<FollowUp> openFollowUps(String assignee) {
        return jdbc.sql(FOLLOW_UP + " WHERE assignee = :assignee AND done_on IS NULL ORDER BY due_on, id")
                .param("assignee", assignee).query((rs, n) -> followUp(rs)).list();
    }

    Optional<FollowUp> followUp(long id) {
        return jdbc.sql(FOLLOW_UP + " WHERE id = :id").param("id", id).query((rs, n) -> followUp(rs)).optional();
    }

    boolean complete(long id, int version, LocalDate on, String actor) {
        return jdbc.sql("""
                UPDATE follow_up SET done_on = :on, done_by = :actor, version = version + 1
                WHERE id = :id AND version = :version AND done_on IS NULL""")
                .param("on", on).param("actor", actor).param("id", id).param("version", version).update() == 1;
    }

    private static FollowUp followUp(ResultSet rs) throws SQLException {
        return new FollowUp(rs.getLong("id"), rs.getLong("contact_id"), rs.getString("description"),
                rs.getObject("due_on", LocalDate.class), rs.getString("assignee"),
                rs.getObject("done_on", LocalDate.class), rs.getInt("version"));
    }

    /** Per municipality: its latest commitment's date, its decided outcomes latest first, its open commitments not yet due. */
    record Cooperation(LocalDate lastCommitment, List<Commitment.Status> decided, int openNotDue) {
    }

    /** Per municipality, the commitments made from {@code from} to {@code to} (inclusive): made, decided, kept. */
    Map<MunicipalityCode, Commitments.PeriodTally> tallyMadeBetween(LocalDate from, LocalDate to) {
        var result = new HashMap<MunicipalityCode, Commitments.PeriodTally>();
        jdbc.sql("""
                SELECT municipality_code, count(*), count(*) FILTER (WHERE status <> 'OPEN'),
                       count(*) FILTER (WHERE status = 'KEPT')
                FROM commitment WHERE made_on BETWEEN :from AND :to GROUP BY municipality_code""")
                .param("from", from).param("to", to)
                .query(rs -> {
                    result.put(MunicipalityCode.of(rs.getString(1)),
                            new Commitments.PeriodTally(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                });
        return result;
    }

    Map<MunicipalityCode, Cooperation> cooperation(LocalDate today) {
        var last = new HashMap<MunicipalityCode, LocalDate>();
        var decided = new HashMap<MunicipalityCode, List<Commitment.Status>>();
        var open = new HashMap<MunicipalityCode, Integer>();
        jdbc.sql("""
                SELECT municipality_code, made_on, status, expected_on FROM commitment
                ORDER BY municipality_code, COALESCE(realised_on, expected_on) DESC, id DESC""").query(rs -> {
                    var code = MunicipalityCode.of(rs.getString(1));
                    var made = rs.getObject(2, LocalDate.class);
                    last.merge(code, made, (a, b) -> a.isAfter(b) ? a : b);
                    var status = Commitment.Status.valueOf(rs.getString(3));
                    if (status == Commitment.Status.OPEN) {
                        if (!rs.getObject(4, LocalDate.class).isBefore(today)) {
                            open.merge(code, 1, Integer::sum);
                        }
                    }
                    else {
                        decided.computeIfAbsent(code, k -> new ArrayList<>()).add(status);
                    }
                });
        var result = new HashMap<MunicipalityCode, Cooperation>();
        for (var code : last.keySet()) {
            result.put(code, new Cooperation(last.get(code), List.copyOf(decided.getOrDefault(code, List.of())),
                    open.getOrDefault(code, 0)));
        }
        return result;
    }

    /** Places realised by kept and partly kept commitments from a date on: week start, kind, municipality, places. */
    record Realised(LocalDate weekStart, Commitment.Kind kind, MunicipalityCode municipality, long places) {
    }

    List<Realised> realisedSince(LocalDate from) {
        return jdbc.sql("""
                SELECT CAST(date_trunc('week', realised_on) AS DATE), kind, municipality_code, sum(realised_places)
                FROM commitment WHERE realised_on >= :from AND status IN ('KEPT', 'PARTLY_KEPT')
                GROUP BY 1, 2, 3""").param("from", from)
                .query((rs, n) -> new Realised(rs.getObject(1, LocalDate.class), Commitment.Kind.valueOf(rs.getString(2)),
                        MunicipalityCode.of(rs.getString(3)), rs.getLong(4)))
                .list();
    }

    /** A municipality set aside from the call list until a date. */
    record SetAside(MunicipalityCode municipality, LocalDate until, String reason, String setBy) {
    }

    List<SetAside> setAside(LocalDate today) {
        return jdbc.sql("""
                SELECT DISTINCT ON (municipality_code) municipality_code, until, reason, set_by FROM call_set_aside
                WHERE ended_on IS NULL AND until >= :today ORDER BY municipality_code, set_at DESC""")
                .param("today", today).query((rs, n) -> new SetAside(MunicipalityCode.of(rs.getString(1)),
                        rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4)))
                .list();
    }

    void insertSetAside(MunicipalityCode municipality, LocalDate until, String reason, String actor) {
        jdbc.sql("""
                INSERT INTO call_set_aside (municipality_code, until, reason, set_by)
                VALUES (:code, :until, :reason, :actor)""").param("code", municipality.value()).param("until", until)
                .param("reason", reason).param("actor", actor).update();
    }

    int endSetAside(MunicipalityCode municipality, LocalDate today) {
        return jdbc.sql("UPDATE call_set_aside SET ended_on = :today WHERE municipality_code = :code AND ended_on IS NULL")
                .param("today", today).param("code", municipality.value()).update();
    }

    record StoredPolicy(CallPolicy policy, int version, String changedBy) {
    }

    StoredPolicy policy() {
        return jdbc.sql("""
                SELECT behind_percent, behind_points, weeks_behind, weeks_behind_points, shortfall_per_100,
                    shortfall_maximum, quiet_weeks, quiet_points, not_kept_points, kept_points, rising_points,
                    sites_points, open_commitment_points, escalation_points, effort_threshold, effort_points, weekly_target,
                    version, changed_by
                FROM call_policy WHERE id = 1""").query((rs, n) -> {
                    var values = new int[CallPolicy.FIELDS.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getInt(i + 1);
                    }
                    return new StoredPolicy(CallPolicy.of(values), rs.getInt(18), rs.getString(19));
                }).single();
    }

    boolean changePolicy(CallPolicy p, int version, String actor) {
        return jdbc.sql("""
                UPDATE call_policy SET behind_percent = :a, behind_points = :b, weeks_behind = :c,
                    weeks_behind_points = :d, shortfall_per_100 = :e, shortfall_maximum = :f, quiet_weeks = :g,
                    quiet_points = :h, not_kept_points = :i, kept_points = :j, rising_points = :k, sites_points = :l,
                    open_commitment_points = :m, escalation_points = :o, effort_threshold = :et, effort_points = :ep,
                    weekly_target = :n, version = version + 1, changed_by = :actor,
                    changed_at = now()
                WHERE id = 1 AND version = :version""")
                .param("a", p.behindPercent()).param("b", p.behindPoints()).param("c", p.weeksBehind())
                .param("d", p.weeksBehindPoints()).param("e", p.shortfallPer100()).param("f", p.shortfallMaximum())
                .param("g", p.quietWeeks()).param("h", p.quietPoints()).param("i", p.notKeptPoints())
                .param("j", p.keptPoints()).param("k", p.risingPoints()).param("l", p.sitesPoints())
                .param("m", p.openCommitmentPoints()).param("o", p.escalationPoints()).param("et", p.effortThreshold()).param("ep", p.effortPoints()).param("n", p.weeklyTarget()).param("actor", actor)
                .param("version", version).update() == 1;
    }

    private static String value(MunicipalityCode code) {
        return code == null ? null : code.value();
    }
}
