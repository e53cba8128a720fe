package nl.doorstroom.quota;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mergers of municipalities as the quota sees them (Huisvestingswet 2014 art. 30). The successor is
 * one of the existing municipalities (it absorbs the others); the province sets its population
 * figure, which replaces the predecessors' figures in the quota from the merger's first half-year.
 */
@Service
public class Mergers {

    /** Province supervisors (for their own province) and administrators record mergers. */
    public static final Set<Role> RECORDERS = Set.of(Role.PROVINCE_SUPERVISOR, Role.ADMINISTRATOR);

    /**
     * Key of the transaction-scoped advisory lock held while a merger is recorded. Outside the int
     * range, so that it never meets a lock keyed by {@code hashtext}.
     */
    static final long MERGER_LOCK = 30L << 32;

    /** The column and code PostgreSQL names when a unique constraint fires. */
    private static final Pattern DUPLICATE = Pattern.compile("\\((successor_code|predecessor_code)\\)=\\((GM\\d{4})\\)");

    private final JdbcClient jdbc;
    private final MunicipalityRegistry registry;
    private final Populations populations;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Mergers(JdbcClient jdbc, MunicipalityRegistry registry, Populations populations, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.registry = registry;
        this.populations = populations;
        this.audit = audit;
    }

    /** The province (its supervisors) of the successor, or an administrator, records a merger. */
    public boolean mayRecord(MunicipalityCode successor) {
        var user = CurrentUser.get();
        if (user.isEmpty()) {
            return false;
        }
        if (user.get().role() == Role.ADMINISTRATOR) {
            return true;
        }
        return user.get().role() == Role.PROVINCE_SUPERVISOR && successor != null
                && registry.find(successor).map(m -> user.get().scope().coversProvince(m.province())).orElse(false);
    }

    /** Whether the current user may record a merger at all: a province supervisor (in their province) or an administrator. */
    public boolean mayRecordAny() {
        return CurrentUser.get().map(u -> u.role() == Role.ADMINISTRATOR || u.role() == Role.PROVINCE_SUPERVISOR)
                .orElse(false);
    }

    @Transactional(readOnly = true)
    public List<Merger> all() {
        return jdbc.sql(SELECT + " ORDER BY m.effective_year, m.effective_half, m.id").query(Mergers::map).list();
    }

    /** The merger a municipality is part of, as successor or predecessor. */
    @Transactional(readOnly = true)
    public Optional<Merger> involving(MunicipalityCode code) {
        return all().stream().filter(m -> m.successor().equals(code) || m.predecessors().contains(code)).findFirst();
    }

    @Transactional
    public Merger record(MunicipalityCode successor, Set<MunicipalityCode> predecessors, HalfYear effective,
            Long population, LocalDate decidedOn, String reason) {
        // Without a known successor only the role can be checked; the successor is then a problem of the form.
        if (successor == null || !registry.exists(successor) ? !mayRecordAny() : !mayRecord(successor)) {
            throw new AccessDeniedException("Only the successor's province or an administrator records a merger");
        }
        // One merger at a time: two mergers of the same municipality checked at once would both find it
        // not merged yet. Released when the transaction ends.
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", MERGER_LOCK).query((rs, n) -> 1).list();
        var problems = new ArrayList<Problem>();
        var known = all();
        var successorMunicipality = successor == null ? null : registry.find(successor).orElse(null);
        if (successorMunicipality == null) {
            problems.add(Problem.of("successor", "merger.successor.unknown"));
        }
        else if (known.stream().anyMatch(m -> m.successor().equals(successor) || m.predecessors().contains(successor))) {
            problems.add(Problem.of("successor", "merger.alreadyMerged", successor.value()));
        }
        if (predecessors == null || predecessors.isEmpty()) {
            problems.add(Problem.of("predecessors", "merger.predecessors.required"));
        }
        else {
            for (var code : new TreeSet<>(predecessors)) {
                var municipality = registry.find(code);
                if (municipality.isEmpty()) {
                    problems.add(Problem.of("predecessors", "merger.predecessor.unknown", code.value()));
                }
                else if (code.equals(successor)) {
                    problems.add(Problem.of("predecessors", "merger.predecessor.isSuccessor", code.value()));
                }
                else if (known.stream().anyMatch(m -> m.successor().equals(code) || m.predecessors().contains(code))) {
                    problems.add(Problem.of("predecessors", "merger.alreadyMerged", code.value()));
                }
                else if (successorMunicipality != null
                        && !municipality.get().province().equals(successorMunicipality.province())) {
                    problems.add(Problem.of("predecessors", "merger.predecessor.otherProvince", code.value()));
                }
            }
        }
        if (effective == null) {
            problems.add(Problem.of("effective", "quota.period.required"));
        }
        if (population == null || population <= 0) {
            problems.add(Problem.of("population", "merger.population.required"));
        }
        else {
            // No municipality has more inhabitants than the Netherlands: a figure above it is a typing error.
            long national = populations.latest().total();
            if (population > national) {
                problems.add(Problem.of("population", "merger.population.tooLarge", national));
            }
        }
        if (decidedOn == null) {
            problems.add(Problem.of("decidedOn", "merger.decidedOn.required"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(Problem.of("reason", "quota.reason.required"));
        }
        else if (reason.strip().length() > 500) {
            problems.add(Problem.of("reason", "quota.reason.tooLong", 500));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id;
        try {
            id = insert(successor, predecessors, effective, population, decidedOn, reason);
        }
        catch (DuplicateKeyException e) {
            // The unique constraints are the last guard, for a merger stored past the lock (by hand, or by an
            // older instance): the same problem as the check above, never a server error.
            throw alreadyMerged(e, successor);
        }
        events.publishEvent(new MergerRecorded(successor, id));
        audit.recordChange("merger.recorded", "merger", id, "successor=" + successor + " predecessors="
                + predecessors.stream().map(MunicipalityCode::value).sorted().collect(Collectors.joining(","))
                + " effective=" + effective + " population=" + population);
        return all().stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    private long insert(MunicipalityCode successor, Set<MunicipalityCode> predecessors, HalfYear effective,
            long population, LocalDate decidedOn, String reason) {
        long id = jdbc.sql("""
                INSERT INTO municipality_merger (successor_code, effective_year, effective_half, population,
                                                 decided_on, reason, recorded_by)
                VALUES (:successor, :year, :half, :population, :decided, :reason, :by) RETURNING id""")
                .param("successor", successor.value()).param("year", effective.year()).param("half", effective.half())
                .param("population", population).param("decided", decidedOn).param("reason", reason.strip())
                .param("by", CurrentUser.actor()).query(Long.class).single();
        for (var code : new TreeSet<>(predecessors)) {
            jdbc.sql("INSERT INTO municipality_merger_part (merger_id, predecessor_code) VALUES (:id, :code)")
                    .param("id", id).param("code", code.value()).update();
        }
        return id;
    }

    /** The problem behind a unique constraint that fired: the code PostgreSQL names, or else the successor. */
    static InvalidInput alreadyMerged(DuplicateKeyException e, MunicipalityCode successor) {
        var matcher = DUPLICATE.matcher(String.valueOf(e.getMostSpecificCause().getMessage()));
        if (matcher.find()) {
            var field = matcher.group(1).equals("predecessor_code") ? "predecessors" : "successor";
            return InvalidInput.of(field, "merger.alreadyMerged", matcher.group(2));
        }
        return InvalidInput.of("successor", "merger.alreadyMerged", successor.value());
    }

    private static final String SELECT = """
            SELECT m.id, m.successor_code, m.effective_year, m.effective_half, m.population, m.decided_on, m.reason,
                   m.recorded_by, m.recorded_at,
                   (SELECT string_agg(p.predecessor_code, ',' ORDER BY p.predecessor_code)
                      FROM municipality_merger_part p WHERE p.merger_id = m.id) AS predecessors
            FROM municipality_merger m""";

    private static Merger map(ResultSet rs, int row) throws SQLException {
        var predecessors = Arrays.stream(rs.getString("predecessors").split(",")).map(MunicipalityCode::of)
                .collect(Collectors.toCollection(TreeSet::new));
        return new Merger(rs.getLong("id"), MunicipalityCode.of(rs.getString("successor_code")), predecessors,
                new HalfYear(rs.getInt("effective_year"), rs.getInt("effective_half")), rs.getLong("population"),
                rs.getObject("decided_on", LocalDate.class), rs.getString("reason"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
