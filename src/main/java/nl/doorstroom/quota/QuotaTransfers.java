package nl.doorstroom.quota;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers of quota between municipalities (Huisvestingswet 2014 art. 29(2)).
 */
@Service
public class QuotaTransfers {

    /** Roles that record transfers nationally; province supervisors record them within their province. */
    public static final Set<Role> NATIONAL_RECORDERS = Set.of(Role.NATIONAL_COORDINATOR, Role.MINISTRY_ANALYST,
            Role.ADMINISTRATOR);

    /** Everyone who may record a transfer somewhere. */
    public static final Set<Role> RECORDERS = Set.of(Role.NATIONAL_COORDINATOR, Role.MINISTRY_ANALYST,
            Role.ADMINISTRATOR, Role.PROVINCE_SUPERVISOR);

    /** First key of the transaction-scoped advisory lock taken per half-year while a transfer is stored. */
    static final int TRANSFER_LOCK = 2902;

    private final JdbcClient jdbc;
    private final MunicipalityRegistry registry;
    private final QuotaCalculation calculation;
    private final Mergers mergers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    QuotaTransfers(JdbcClient jdbc, MunicipalityRegistry registry, QuotaCalculation calculation, Mergers mergers,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.registry = registry;
        this.calculation = calculation;
        this.mergers = mergers;
        this.audit = audit;
    }

    /** Whether the current user may record a transfer between these parties. */
    public boolean mayRecord(Set<MunicipalityCode> parties) {
        var user = CurrentUser.get();
        if (user.isEmpty()) {
            return false;
        }
        if (NATIONAL_RECORDERS.contains(user.get().role())) {
            return true;
        }
        return user.get().role() == Role.PROVINCE_SUPERVISOR && parties.stream()
                .allMatch(p -> registry.find(p).map(m -> user.get().scope().coversProvince(m.province())).orElse(true));
    }

    /** Whether the current user may record transfers at all (within some province or nationally). */
    public boolean mayRecordAny() {
        return CurrentUser.get().map(u -> NATIONAL_RECORDERS.contains(u.role()) || u.role() == Role.PROVINCE_SUPERVISOR)
                .orElse(false);
    }

    @Transactional
    public QuotaTransfer agree(HalfYear period, Map<MunicipalityCode, Integer> changes, LocalDate agreedOn,
            String reason) {
        return store(period, changes, agreedOn, reason, false);
    }

    /** As {@link #agree}, for the demo scenario: the transfer is labelled synthetic. */
    @Transactional
    public QuotaTransfer agreeForDemo(HalfYear period, Map<MunicipalityCode, Integer> changes, LocalDate agreedOn,
            String reason) {
        return store(period, changes, agreedOn, reason, true);
    }

    private QuotaTransfer store(HalfYear period, Map<MunicipalityCode, Integer> changes, LocalDate agreedOn,
            String reason, boolean synthetic) {
        if (!mayRecord(changes == null ? Set.of() : changes.keySet())) {
            throw new AccessDeniedException("Not allowed to record a transfer between these municipalities");
        }
        if (period != null) {
            // One transfer of a half-year at a time: two checked at once could each keep a quota at zero or
            // more on its own and take it below zero together. Released when the transaction ends.
            jdbc.sql("SELECT pg_advisory_xact_lock(:kind, :period)").param("kind", TRANSFER_LOCK)
                    .param("period", lockKey(period)).query((rs, n) -> 1).list();
        }
        var problems = new ArrayList<Problem>();
        if (period == null) {
            problems.add(Problem.of("period", "quota.period.required"));
        }
        var parties = changes == null ? Map.<MunicipalityCode, Integer>of() : changes;
        if (parties.size() < 2) {
            problems.add(Problem.of("changes", "transfer.parties.tooFew"));
        }
        for (var entry : new TreeMap<>(parties).entrySet()) {
            var code = entry.getKey();
            if (!registry.exists(code)) {
                problems.add(Problem.of("changes", "transfer.party.unknown", code.value()));
            }
            else if (entry.getValue() == null || entry.getValue() == 0) {
                problems.add(Problem.of("changes", "transfer.change.zero", name(code)));
            }
            else if (period != null && mergers.all().stream().anyMatch(m -> m.absorbs(code, period))) {
                problems.add(Problem.of("changes", "transfer.party.merged", name(code)));
            }
        }
        if (parties.values().stream().allMatch(v -> v != null) && QuotaTransfer.imbalance(parties) != 0) {
            // Art. 29(2): the joint total of the parties must stay the same.
            problems.add(Problem.of("changes", "transfer.unbalanced", QuotaTransfer.imbalance(parties)));
        }
        if (agreedOn == null) {
            problems.add(Problem.of("agreedOn", "transfer.agreedOn.required"));
        }
        else if (agreedOn.isAfter(LocalDate.now(AuditTrail.ZONE))) {
            problems.add(Problem.of("agreedOn", "transfer.agreedOn.future"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(Problem.of("reason", "quota.reason.required"));
        }
        else if (reason.strip().length() > 500) {
            problems.add(Problem.of("reason", "quota.reason.tooLong", 500));
        }
        if (problems.isEmpty()) {
            // Checked against every computation of the half-year, not only the last: a transfer counts from its
            // date, and an earlier computation may still apply then (a later adjustment takes effect on its date).
            var computations = calculation.of(period);
            if (computations.isEmpty()) {
                problems.add(Problem.of("period", "transfer.noQuota", period.toString()));
            }
            else {
                var lowest = new TreeMap<MunicipalityCode, Long>();
                for (var computed : computations) {
                    var quotas = calculation.quotasOf(computed.id());
                    for (var party : parties.keySet()) {
                        long quota = quotas.containsKey(party) ? quotas.get(party).quota() : 0;
                        lowest.merge(party, quota, Math::min);
                    }
                }
                var earlier = effectOf(forPeriod(period));
                for (var entry : new TreeMap<>(parties).entrySet()) {
                    long after = lowest.get(entry.getKey()) + earlier.getOrDefault(entry.getKey(), 0L) + entry.getValue();
                    if (after < 0) {
                        problems.add(Problem.of("changes", "transfer.belowZero", name(entry.getKey()), after));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                INSERT INTO quota_transfer (year, half, agreed_on, reason, synthetic, recorded_by)
                VALUES (:year, :half, :agreed, :reason, :synthetic, :by) RETURNING id""")
                .param("year", period.year()).param("half", period.half()).param("agreed", agreedOn)
                .param("reason", reason.strip()).param("synthetic", synthetic).param("by", CurrentUser.actor())
                .query(Long.class).single();
        for (var entry : new TreeMap<>(parties).entrySet()) {
            jdbc.sql("INSERT INTO quota_transfer_part (transfer_id, municipality_code, change) VALUES (:id, :code, :change)")
                    .param("id", id).param("code", entry.getKey().value()).param("change", entry.getValue()).update();
        }
        events.publishEvent(new QuotaTransferAgreed(period, id));
        audit.recordChange("quota-transfer.agreed", "quota-transfer", id, "period=" + period + " changes="
                + new TreeMap<>(parties).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                        .collect(Collectors.joining(",")));
        return all().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    /** Second key of the transfer lock: one per half-year. */
    static int lockKey(HalfYear period) {
        return period.year() * 10 + period.half();
    }

    private String name(MunicipalityCode code) {
        return registry.find(code).map(m -> m.name()).orElse(code.value());
    }

    /** The net change per municipality of a set of transfers. */
    static Map<MunicipalityCode, Long> effectOf(List<QuotaTransfer> transfers) {
        var effect = new TreeMap<MunicipalityCode, Long>();
        transfers.forEach(t -> t.changes().forEach((code, change) -> effect.merge(code, (long) change, Long::sum)));
        return effect;
    }

    @Transactional(readOnly = true)
    public List<QuotaTransfer> all() {
        var parts = new TreeMap<Long, TreeMap<MunicipalityCode, Integer>>();
        jdbc.sql("SELECT transfer_id, municipality_code, change FROM quota_transfer_part")
                .query((rs, n) -> {
                    parts.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .put(MunicipalityCode.of(rs.getString(2)), rs.getInt(3));
                    return null;
                }).list();
        return jdbc.sql("""
                SELECT id, year, half, agreed_on, reason, synthetic, recorded_by, recorded_at FROM quota_transfer
                ORDER BY year DESC, half DESC, agreed_on DESC, id DESC""")
                .query((rs, n) -> new QuotaTransfer(rs.getLong("id"), new HalfYear(rs.getInt("year"), rs.getInt("half")),
                        rs.getObject("agreed_on", LocalDate.class), rs.getString("reason"), rs.getBoolean("synthetic"),
                        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
                        parts.getOrDefault(rs.getLong("id"), new TreeMap<>())))
                .list();
    }

    @Transactional(readOnly = true)
    public List<QuotaTransfer> forPeriod(HalfYear period) {
        return all().stream().filter(t -> t.period().equals(period)).toList();
    }

    /** The transfers a municipality is a party to, newest first. */
    @Transactional(readOnly = true)
    public List<QuotaTransfer> involving(MunicipalityCode code) {
        return all().stream().filter(t -> t.changes().containsKey(code)).toList();
    }
}
