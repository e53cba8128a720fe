package nl.doorstroom.matching;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.doorstroom.matching.LinkProposal.Decision;
import nl.doorstroom.matching.LinkProposal.UnlinkedReason;
import nl.doorstroom.permitholders.FirmCriterion;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The runs, their inputs and their proposals, in the database. */
@Repository
class StoredRuns {

    /** A run without a progress report for this long is shown as interrupted. */
    static final int HEARTBEAT_SECONDS = 60;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    StoredRuns(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insert(RunRequest request, LocalDate runDate, List<RunHousehold> households,
            List<RunMunicipality> municipalities, int pairs, String actor) {
        var w = request.weights();
        long id = jdbc.sql("""
                INSERT INTO linking_run (region, run_date, status, seconds, tolerance_percent, household_limit,
                    weight_base, weight_waiting, weight_dwelling, weight_ties, weight_school, weight_spreading,
                    households, persons, pairs, started_by)
                VALUES (:region, :runDate, 'RUNNING', :seconds, :tolerance, :limit, :base, :waiting, :dwelling, :ties,
                    :school, :spreading, :households, :persons, :pairs, :actor)
                RETURNING id""")
                .param("region", request.region()).param("runDate", runDate).param("seconds", request.seconds())
                .param("tolerance", request.tolerancePercent()).param("limit", request.householdLimit())
                .param("base", w.base()).param("waiting", w.waiting()).param("dwelling", w.dwelling())
                .param("ties", w.ties()).param("school", w.school()).param("spreading", w.spreading())
                .param("households", households.size())
                .param("persons", households.stream().mapToInt(RunHousehold::persons).sum()).param("pairs", pairs)
                .param("actor", actor).query(Long.class).single();
        template.batchUpdate("""
                INSERT INTO linking_run_capacity (run_id, municipality_code, region, corrected_quota, housed, linked,
                    tolerance, capacity, rooms_offered, large_persons)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", municipalities, 500, (ps, m) -> {
                    ps.setLong(1, id);
                    ps.setString(2, m.code().value());
                    ps.setString(3, m.region());
                    ps.setLong(4, m.correctedQuota());
                    ps.setLong(5, m.housed());
                    ps.setLong(6, m.linked());
                    ps.setLong(7, m.tolerance());
                    ps.setLong(8, m.capacity());
                    ps.setArray(9, ps.getConnection().createArrayOf("integer",
                            Arrays.stream(m.roomsOffered()).boxed().toArray()));
                    ps.setLong(10, m.largePersons());
                });
        template.batchUpdate("""
                INSERT INTO linking_run_household (run_id, household_id, household_version, reference, persons,
                    school_age_children, permit_date, location_municipality, region, criteria, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", households, 1000, (ps, h) -> {
                    ps.setLong(1, id);
                    ps.setLong(2, h.id());
                    ps.setInt(3, h.version());
                    ps.setString(4, h.reference());
                    ps.setInt(5, h.persons());
                    ps.setInt(6, h.schoolAgeChildren());
                    ps.setObject(7, h.permitDate());
                    ps.setString(8, h.locationMunicipality().value());
                    ps.setString(9, h.region());
                    ps.setString(10, criteriaText(h.criteria()));
                    ps.setInt(11, h.position());
                });
        return id;
    }

    /** A new run on the inputs kept with an earlier one: the same households, capacities, date and weights. */
    long copyInputs(long from, int seconds, String actor) {
        long id = jdbc.sql("""
                INSERT INTO linking_run (region, run_date, status, seconds, tolerance_percent, household_limit,
                    recomputed_from, weight_base, weight_waiting, weight_dwelling, weight_ties, weight_school,
                    weight_spreading, households, persons, pairs, started_by)
                SELECT region, run_date, 'RUNNING', :seconds, tolerance_percent, household_limit, id, weight_base,
                    weight_waiting, weight_dwelling, weight_ties, weight_school, weight_spreading, households, persons,
                    pairs, :actor
                FROM linking_run WHERE id = :from
                RETURNING id""").param("seconds", seconds).param("actor", actor).param("from", from)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO linking_run_capacity (run_id, municipality_code, region, corrected_quota, housed, linked,
                    tolerance, capacity, rooms_offered, large_persons)
                SELECT :id, municipality_code, region, corrected_quota, housed, linked, tolerance, capacity, rooms_offered,
                    large_persons
                FROM linking_run_capacity WHERE run_id = :from""").param("id", id).param("from", from).update();
        jdbc.sql("""
                INSERT INTO linking_run_household (run_id, household_id, household_version, reference, persons,
                    school_age_children, permit_date, location_municipality, region, criteria, position)
                SELECT :id, household_id, household_version, reference, persons, school_age_children, permit_date,
                    location_municipality, region, criteria, position
                FROM linking_run_household WHERE run_id = :from""").param("id", id).param("from", from).update();
        return id;
    }

    private static final String RUN_COLUMNS = """
            id, region, run_date, status, cancel_requested, seconds, tolerance_percent, household_limit, weight_base,
            weight_waiting, weight_dwelling, weight_ties, weight_school, weight_spreading, households, persons, pairs,
            objective, bound, elapsed_seconds, linked_households, linked_persons, failure, started_by, started_at,
            finished_at, recomputed_from, heartbeat_at < now() - make_interval(secs => %d) AS stale
            """.formatted(HEARTBEAT_SECONDS);

    Optional<LinkingRun> find(long id) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM linking_run WHERE id = :id").param("id", id)
                .query((rs, n) -> run(rs)).optional();
    }

    List<LinkingRun> recent(int limit) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM linking_run ORDER BY started_at DESC, id DESC LIMIT :limit")
                .param("limit", limit).query((rs, n) -> run(rs)).list();
    }

    private static LinkingRun run(ResultSet rs) throws SQLException {
        var status = LinkingRun.Status.valueOf(rs.getString("status"));
        var elapsed = rs.getBigDecimal("elapsed_seconds");
        return new LinkingRun(rs.getLong("id"), rs.getString("region"), rs.getObject("run_date", LocalDate.class),
                status, rs.getBoolean("cancel_requested"), rs.getInt("seconds"), rs.getInt("tolerance_percent"),
                (Integer) rs.getObject("household_limit"),
                new LinkingWeights(rs.getInt("weight_base"), rs.getInt("weight_waiting"), rs.getInt("weight_dwelling"),
                        rs.getInt("weight_ties"), rs.getInt("weight_school"), rs.getInt("weight_spreading")),
                rs.getInt("households"), rs.getInt("persons"), rs.getInt("pairs"), (Long) rs.getObject("objective"),
                (Long) rs.getObject("bound"), elapsed == null ? null : elapsed.doubleValue(),
                (Integer) rs.getObject("linked_households"), (Integer) rs.getObject("linked_persons"),
                rs.getString("failure"), rs.getString("started_by"), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), (Long) rs.getObject("recomputed_from"),
                status == LinkingRun.Status.RUNNING && rs.getBoolean("stale"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    List<RunHousehold> households(long runId) {
        return jdbc.sql("""
                SELECT household_id, household_version, reference, persons, school_age_children, permit_date,
                    location_municipality, region, criteria, position
                FROM linking_run_household WHERE run_id = :run ORDER BY position""").param("run", runId)
                .query((rs, n) -> new RunHousehold(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getObject(6, LocalDate.class), new MunicipalityCode(rs.getString(7)),
                        rs.getString(8), criteria(rs.getString(9)), rs.getInt(10)))
                .list();
    }

    List<RunMunicipality> municipalities(long runId) {
        return jdbc.sql("""
                SELECT municipality_code, region, corrected_quota, housed, linked, tolerance, capacity, rooms_offered,
                    large_persons
                FROM linking_run_capacity WHERE run_id = :run ORDER BY municipality_code""").param("run", runId)
                .query((rs, n) -> new RunMunicipality(new MunicipalityCode(rs.getString(1)), rs.getString(2),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), ints(rs.getArray(8)),
                        rs.getLong(9)))
                .list();
    }

    private static int[] ints(Array array) throws SQLException {
        var values = (Integer[]) array.getArray();
        return Arrays.stream(values).mapToInt(Integer::intValue).toArray();
    }

    /** Records progress and answers whether someone asked to cancel the run (on any node). */
    boolean progress(long id, long objective, long bound, double seconds) {
        return jdbc.sql("""
                UPDATE linking_run SET objective = :objective, bound = :bound, elapsed_seconds = :seconds,
                    heartbeat_at = now()
                WHERE id = :id AND status = 'RUNNING' RETURNING cancel_requested""")
                .param("objective", objective).param("bound", bound).param("seconds", Math.min(999_999, seconds))
                .param("id", id).query(Boolean.class).optional().orElse(true);
    }

    /** A heartbeat for runs this node holds, waiting or working. */
    void heartbeat(java.util.Collection<Long> ids) {
        jdbc.sql("UPDATE linking_run SET heartbeat_at = now() WHERE status = 'RUNNING' AND id = ANY(:ids)")
                .param("ids", ids.toArray(Long[]::new)).update();
    }

    boolean requestCancel(long id) {
        return jdbc.sql("UPDATE linking_run SET cancel_requested = TRUE WHERE id = :id AND status = 'RUNNING'")
                .param("id", id).update() == 1;
    }

    /** A proposal row as the run writes it. */
    record Outcome(long householdId, MunicipalityCode municipality, ScoreParts parts, MunicipalityCode alternative,
            Integer alternativeScore, Boolean alternativeHadRoom, UnlinkedReason unlinkedReason) {
    }

    /** Stores the outcome of a run that is still running; answers false (and stores nothing) when it was ended meanwhile. */
    boolean finish(long id, long objective, long bound, double seconds, int linkedHouseholds, long linkedPersons,
            List<Outcome> outcomes) {
        int updated = jdbc.sql("""
                UPDATE linking_run SET status = 'FINISHED', objective = :objective, bound = :bound,
                    elapsed_seconds = :seconds, linked_households = :households, linked_persons = :persons,
                    finished_at = now(), heartbeat_at = now()
                WHERE id = :id AND status = 'RUNNING'""").param("objective", objective).param("bound", bound)
                .param("seconds", Math.min(999_999, seconds)).param("households", linkedHouseholds)
                .param("persons", linkedPersons).param("id", id).update();
        if (updated == 0) {
            return false;
        }
        template.batchUpdate("""
                UPDATE linking_run_household SET municipality_code = ?, score_base = ?, score_waiting = ?,
                    score_dwelling = ?, score_ties = ?, score_school = ?, score_spreading = ?, alternative_code = ?,
                    alternative_score = ?, alternative_had_room = ?, unlinked_reason = ?
                WHERE run_id = ? AND household_id = ?""", outcomes, 1000, (ps, o) -> {
                    var p = o.parts();
                    ps.setString(1, o.municipality() == null ? null : o.municipality().value());
                    ps.setObject(2, p == null ? null : p.base());
                    ps.setObject(3, p == null ? null : p.waiting());
                    ps.setObject(4, p == null ? null : p.dwelling());
                    ps.setObject(5, p == null ? null : p.ties());
                    ps.setObject(6, p == null ? null : p.school());
                    ps.setObject(7, p == null ? null : p.spreading());
                    ps.setString(8, o.alternative() == null ? null : o.alternative().value());
                    ps.setObject(9, o.alternativeScore());
                    ps.setObject(10, o.alternativeHadRoom());
                    ps.setString(11, o.unlinkedReason() == null ? null : o.unlinkedReason().name());
                    ps.setLong(12, id);
                    ps.setLong(13, o.householdId());
                });
        return true;
    }

    void end(long id, LinkingRun.Status status, String failure) {
        jdbc.sql("""
                UPDATE linking_run SET status = :status, failure = :failure, finished_at = now()
                WHERE id = :id AND status = 'RUNNING'""").param("status", status.name())
                .param("failure", failure == null ? null : failure.substring(0, Math.min(300, failure.length())))
                .param("id", id).update();
    }

    /** Marks the runs that a stopped node left running as failed, with the reason. */
    int endInterrupted(String failure) {
        return jdbc.sql("""
                UPDATE linking_run SET status = 'FAILED', failure = :failure, finished_at = now()
                WHERE status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => :seconds)""")
                .param("failure", failure).param("seconds", HEARTBEAT_SECONDS).update();
    }

    private static final String PROPOSAL_COLUMNS = """
            household_id, reference, persons, school_age_children, permit_date, criteria, municipality_code,
            score_base, score_waiting, score_dwelling, score_ties, score_school, score_spreading, alternative_code,
            alternative_score, alternative_had_room, unlinked_reason, decision, decided_municipality, decision_reason,
            failure_key, failure_arguments, decided_by, household_version
            """;

    /** Which proposals a list shows. */
    enum Show {
        ALL, LINKED, UNLINKED, OPEN, DECIDED, FAILED
    }

    private static String where(Show show) {
        return switch (show) {
            case ALL -> "";
            case LINKED -> " AND municipality_code IS NOT NULL";
            case UNLINKED -> " AND municipality_code IS NULL";
            case OPEN -> " AND municipality_code IS NOT NULL AND decision = 'OPEN'";
            case DECIDED -> " AND decision IN ('ACCEPTED', 'CHANGED', 'REJECTED')";
            case FAILED -> " AND decision = 'FAILED'";
        };
    }

    List<LinkProposal> proposals(long runId, LocalDate runDate, Show show, MunicipalityCode municipality, int offset,
            int limit) {
        return jdbc.sql("SELECT " + PROPOSAL_COLUMNS + " FROM linking_run_household WHERE run_id = :run" + where(show)
                + (municipality == null ? "" : " AND municipality_code = :municipality")
                + " ORDER BY position LIMIT :limit OFFSET :offset")
                .param("run", runId).param("municipality", municipality == null ? null : municipality.value())
                .param("limit", limit).param("offset", offset).query((rs, n) -> proposal(rs, runDate)).list();
    }

    int count(long runId, Show show, MunicipalityCode municipality) {
        return jdbc.sql("SELECT count(*) FROM linking_run_household WHERE run_id = :run" + where(show)
                + (municipality == null ? "" : " AND municipality_code = :municipality"))
                .param("run", runId).param("municipality", municipality == null ? null : municipality.value())
                .query(Integer.class).single();
    }

    List<Long> openLinked(long runId) {
        return jdbc.sql("""
                SELECT household_id FROM linking_run_household
                WHERE run_id = :run AND municipality_code IS NOT NULL AND decision = 'OPEN' ORDER BY position""")
                .param("run", runId).query(Long.class).list();
    }

    /** A proposal with its household version; locked for the decision when {@code lock}. */
    Optional<Locked> proposal(long runId, LocalDate runDate, long householdId, boolean lock) {
        return jdbc.sql("SELECT " + PROPOSAL_COLUMNS + " FROM linking_run_household WHERE run_id = :run"
                + " AND household_id = :household" + (lock ? " FOR UPDATE" : ""))
                .param("run", runId).param("household", householdId)
                .query((rs, n) -> new Locked(proposal(rs, runDate), rs.getInt("household_version"))).optional();
    }

    record Locked(LinkProposal proposal, int householdVersion) {
    }

    void decide(long runId, long householdId, Decision decision, MunicipalityCode municipality, String reason,
            String failureKey, List<String> failureArguments, String actor) {
        jdbc.sql("""
                UPDATE linking_run_household SET decision = :decision, decided_municipality = :municipality,
                    decision_reason = :reason, failure_key = :key, failure_arguments = :arguments, decided_by = :actor,
                    decided_at = now()
                WHERE run_id = :run AND household_id = :household""")
                .param("decision", decision.name()).param("municipality", municipality == null ? null : municipality.value())
                .param("reason", reason).param("key", failureKey)
                .param("arguments", failureArguments == null ? null : truncate(String.join("\u001f", failureArguments)))
                .param("actor", actor).param("run", runId).param("household", householdId).update();
    }

    private static String truncate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300);
    }

    private static LinkProposal proposal(ResultSet rs, LocalDate runDate) throws SQLException {
        var municipality = code(rs.getString("municipality_code"));
        var parts = municipality == null ? null : new ScoreParts(rs.getInt("score_base"), rs.getInt("score_waiting"),
                rs.getInt("score_dwelling"), rs.getInt("score_ties"), rs.getInt("score_school"),
                rs.getInt("score_spreading"));
        var permit = rs.getObject("permit_date", LocalDate.class);
        var reason = rs.getString("unlinked_reason");
        var arguments = rs.getString("failure_arguments");
        return new LinkProposal(rs.getLong("household_id"), rs.getString("reference"), rs.getInt("persons"),
                rs.getInt("school_age_children"), permit,
                (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(permit, runDate)), rs.getString("criteria"),
                municipality, parts, code(rs.getString("alternative_code")), (Integer) rs.getObject("alternative_score"),
                (Boolean) rs.getObject("alternative_had_room"), reason == null ? null : UnlinkedReason.valueOf(reason),
                Decision.valueOf(rs.getString("decision")), code(rs.getString("decided_municipality")),
                rs.getString("decision_reason"), rs.getString("failure_key"),
                arguments == null ? List.of() : List.of(arguments.split("\u001f", -1)), rs.getString("decided_by"));
    }

    private static MunicipalityCode code(String value) {
        return value == null ? null : new MunicipalityCode(value);
    }

    /** Medians of fewer households than this are not shown (as in the register's funnel). */
    static final int MEDIAN_MINIMUM = 5;

    Fairness fairness(long runId, LocalDate runDate, java.util.Map<MunicipalityCode, String> names) {
        var municipalities = jdbc.sql("""
                SELECT c.municipality_code, c.corrected_quota, c.capacity, count(h.household_id),
                    COALESCE(sum(h.persons), 0)
                FROM linking_run_capacity c
                LEFT JOIN linking_run_household h ON h.run_id = c.run_id AND h.municipality_code = c.municipality_code
                WHERE c.run_id = :run
                GROUP BY c.municipality_code, c.corrected_quota, c.capacity
                ORDER BY c.municipality_code""").param("run", runId).query((rs, n) -> {
                    var code = new MunicipalityCode(rs.getString(1));
                    return new Fairness.MunicipalityShare(code, names.getOrDefault(code, code.value()), rs.getLong(2),
                            rs.getLong(3), rs.getInt(4), rs.getLong(5));
                }).list();
        var bands = jdbc.sql("""
                SELECT band, count(*), count(municipality_code),
                    percentile_disc(0.5) WITHIN GROUP (ORDER BY waited) FILTER (WHERE municipality_code IS NOT NULL),
                    percentile_disc(0.5) WITHIN GROUP (ORDER BY waited) FILTER (WHERE municipality_code IS NULL)
                FROM (SELECT CASE WHEN persons = 1 THEN '1' WHEN persons = 2 THEN '2' WHEN persons <= 4 THEN '3-4'
                                  ELSE '5+' END AS band,
                             municipality_code, GREATEST(0, :runDate - permit_date) AS waited
                      FROM linking_run_household WHERE run_id = :run) h
                GROUP BY band ORDER BY band""").param("run", runId).param("runDate", runDate).query((rs, n) -> {
                    int all = rs.getInt(2);
                    int linked = rs.getInt(3);
                    return new Fairness.SizeBand(rs.getString(1), all, linked,
                            linked >= MEDIAN_MINIMUM ? (Integer) rs.getObject(4) : null,
                            all - linked >= MEDIAN_MINIMUM ? (Integer) rs.getObject(5) : null);
                }).list();
        return new Fairness(municipalities, bands);
    }

    static String criteriaText(List<FirmCriterion> criteria) {
        return criteria.stream().map(FirmCriterion::code).collect(Collectors.joining(";"));
    }

    static List<FirmCriterion> criteria(String text) {
        var criteria = new ArrayList<FirmCriterion>();
        if (text == null || text.isBlank()) {
            return criteria;
        }
        for (var part : text.split(";")) {
            var fields = part.split(":");
            criteria.add(new FirmCriterion(FirmCriterion.Kind.valueOf(fields[0]), new MunicipalityCode(fields[1]),
                    fields.length > 2 ? Integer.valueOf(fields[2]) : null));
        }
        return criteria;
    }
}
