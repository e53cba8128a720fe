package nl.doorstroom.quota;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.PopulationVersion;
import nl.doorstroom.municipalities.Populations;
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
 * Computes and publishes the quota of every municipality for a half-year, by law (Huisvestingswet
 * 2014 art. 29(1)), from the national total in force and the population on 1 January of the year
 * before. Every computation is kept.
 */
@Service
public class QuotaCalculation {

    /** Ministry analysts and administrators publish quotas. */
    public static final Set<Role> PUBLISHERS = NationalTotals.EDITORS;

    private final JdbcClient jdbc;
    private final NationalTotals totals;
    private final Populations populations;
    private final MunicipalityRegistry registry;
    private final Mergers mergers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    QuotaCalculation(JdbcClient jdbc, NationalTotals totals, Populations populations, MunicipalityRegistry registry,
            Mergers mergers, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.totals = totals;
        this.populations = populations;
        this.registry = registry;
        this.mergers = mergers;
        this.audit = audit;
        this.events = events;
    }

    public static boolean mayPublish() {
        return CurrentUser.get().map(u -> PUBLISHERS.contains(u.role())).orElse(false);
    }

    /**
     * Computes and stores the quotas of a half-year from its latest national total.
     *
     * @param populationVersionId null for the law's version (1 January of the year before); another
     *        version only with a reason, which is recorded with the result
     * @throws InvalidInput when there is no national total, or the law's population version is missing
     *         and none was chosen (the message names the version needed)
     */
    @Transactional
    public PublishedQuota publish(HalfYear period, Long populationVersionId, String choiceReason) {
        if (!mayPublish()) {
            throw new AccessDeniedException("Only ministry analysts and administrators publish quotas");
        }
        if (period == null) {
            throw InvalidInput.of("period", "quota.period.required");
        }
        var total = totals.latest(period)
                .orElseThrow(() -> InvalidInput.of("period", "quota.nationalTotal.missing", period.toString()));
        var required = period.populationReferenceDate();
        PopulationVersion version;
        boolean chosen;
        if (populationVersionId == null) {
            version = populations.on(required).stream().findFirst()
                    .orElseThrow(() -> InvalidInput.of("populationVersion", "quota.populationVersion.missing",
                            required.toString(), period.toString()));
            chosen = false;
        }
        else {
            version = populations.version(populationVersionId)
                    .orElseThrow(() -> InvalidInput.of("populationVersion", "quota.populationVersion.unknown",
                            populationVersionId));
            chosen = !version.referenceDate().equals(required);
            if (chosen && (choiceReason == null || choiceReason.isBlank())) {
                throw InvalidInput.of("choiceReason", "quota.choiceReason.required", version.referenceDate().toString(),
                        required.toString());
            }
            if (choiceReason != null && choiceReason.strip().length() > 500) {
                throw InvalidInput.of("choiceReason", "quota.reason.tooLong", 500);
            }
        }
        var weights = populationsFor(period, version.referenceDate(), registry.all(), mergers.all(),
                populations.figures(version.id()));
        var quotas = new LinkedHashMap<MunicipalityCode, long[]>();
        long sum = 0;
        for (var entry : weights.entrySet()) {
            long quota = QuotaRule.quota(total.total(), entry.getValue(), version.total());
            quotas.put(entry.getKey(), new long[] {entry.getValue(), quota});
            sum += quota;
        }
        long id = jdbc.sql("""
                INSERT INTO quota_calculation (year, half, national_total_id, national_total, population_version_id,
                    population_reference_date, population_total, version_chosen, choice_reason, effective_date,
                    calculated_by)
                VALUES (:year, :half, :totalId, :total, :versionId, :refDate, :popTotal, :chosen, :reason, :effective,
                    :by) RETURNING id""")
                .param("year", period.year()).param("half", period.half())
                .param("totalId", total.id()).param("total", total.total())
                .param("versionId", version.id()).param("refDate", version.referenceDate())
                .param("popTotal", version.total()).param("chosen", chosen)
                .param("reason", chosen ? choiceReason.strip() : null)
                .param("effective", total.effectiveDate()).param("by", CurrentUser.actor())
                .query(Long.class).single();
        insertQuotas(id, quotas);
        audit.recordChange("quota.published", "quota-calculation", id, "period=" + period + " total=" + total.total()
                + " populationVersion=" + version.id() + (chosen ? " chosen" : "") + " sum=" + sum);
        events.publishEvent(new QuotaPublished(period, id));
        return find(id).orElseThrow();
    }

    /**
     * The population per unit of the apportionment in a period: every municipality, except that
     * merged municipalities count as their successor, with the figure its province set (art. 30)
     * while the population counted for the period predates the merger, and with its own figure in
     * the population version after that.
     */
    static Map<MunicipalityCode, Long> populationsFor(HalfYear period, List<Municipality> municipalities,
            List<Merger> mergers, Map<MunicipalityCode, Long> figures) {
        return populationsFor(period, period.populationReferenceDate(), municipalities, mergers, figures);
    }

    /** @param countedOn the reference date of the population version used */
    static Map<MunicipalityCode, Long> populationsFor(HalfYear period, java.time.LocalDate countedOn,
            List<Municipality> municipalities, List<Merger> mergers, Map<MunicipalityCode, Long> figures) {
        var merged = mergers.stream().filter(m -> period.compareTo(m.effective()) >= 0).toList();
        var problems = new ArrayList<Problem>();
        var weights = new LinkedHashMap<MunicipalityCode, Long>();
        for (Municipality municipality : municipalities) {
            var code = municipality.code();
            if (merged.stream().anyMatch(m -> m.predecessors().contains(code))) {
                continue;
            }
            var setByProvince = merged.stream().filter(m -> m.successor().equals(code) && m.setsPopulationOf(period, countedOn))
                    .findFirst();
            if (setByProvince.isPresent()) {
                weights.put(code, setByProvince.get().population());
            }
            else if (figures.containsKey(code)) {
                weights.put(code, figures.get(code));
            }
            else {
                problems.add(Problem.of("populationVersion", "quota.populationVersion.lacks", code.value()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return weights;
    }

    /**
     * The municipalities whose population in a computation is the figure their province set at a
     * merger (art. 30), for the letters to say so. A computation keeps the figures it used, not
     * where they came from: a merger's figure was used when the merger was recorded before the
     * computation, had taken effect by its half-year, and its figure is the one the computation holds.
     */
    @Transactional(readOnly = true)
    public Set<MunicipalityCode> populationsSetByProvince(PublishedQuota computed) {
        return populationsSetByProvince(computed, quotasOf(computed.id()), mergers.all());
    }

    static Set<MunicipalityCode> populationsSetByProvince(PublishedQuota computed,
            Map<MunicipalityCode, MunicipalQuota> quotas, List<Merger> mergers) {
        return mergers.stream()
                .filter(m -> computed.period().compareTo(m.effective()) >= 0
                        && !m.recordedAt().isAfter(computed.calculatedAt()))
                .filter(m -> quotas.containsKey(m.successor()) && quotas.get(m.successor()).population() == m.population())
                .map(Merger::successor).collect(Collectors.toCollection(TreeSet::new));
    }

    private void insertQuotas(long id, Map<MunicipalityCode, long[]> quotas) {
        var params = new HashMap<String, Object>();
        var values = new StringBuilder();
        int i = 0;
        for (var entry : quotas.entrySet()) {
            values.append(i == 0 ? "" : ",").append("(:id, :c").append(i).append(", :p").append(i).append(", :q")
                    .append(i).append(")");
            params.put("c" + i, entry.getKey().value());
            params.put("p" + i, entry.getValue()[0]);
            params.put("q" + i, entry.getValue()[1]);
            i++;
        }
        params.put("id", id);
        jdbc.sql("INSERT INTO municipal_quota (calculation_id, municipality_code, population, quota) VALUES " + values)
                .params(params).update();
    }

    /** Every computation, newest half-year first, then newest first. */
    @Transactional(readOnly = true)
    public List<PublishedQuota> all() {
        return jdbc.sql(SELECT + " ORDER BY c.year DESC, c.half DESC, c.effective_date DESC, c.id DESC")
                .query(QuotaCalculation::map).list();
    }

    @Transactional(readOnly = true)
    public List<PublishedQuota> of(HalfYear period) {
        return jdbc.sql(SELECT + " WHERE c.year = :year AND c.half = :half ORDER BY c.effective_date DESC, c.id DESC")
                .param("year", period.year()).param("half", period.half())
                .query(QuotaCalculation::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<PublishedQuota> find(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(QuotaCalculation::map).optional();
    }

    /**
     * The computation that applies to a half-year on a date, the one rule for every page, letter,
     * transfer and progress figure: the computation whose national total is in force on the date
     * (the latest that took effect on or before it: an adjusted quota replaces the first from its
     * date); before any has taken effect, the first that will. A quota is published ahead of its
     * half-year (art. 29(1): at least 13 weeks before), and its letters go out before it takes effect.
     */
    @Transactional(readOnly = true)
    public Optional<PublishedQuota> current(HalfYear period, LocalDate date) {
        var calculations = of(period);
        var order = Comparator.comparing(PublishedQuota::effectiveDate).thenComparing(PublishedQuota::id);
        var inForce = calculations.stream().filter(c -> !c.effectiveDate().isAfter(date)).max(order);
        if (inForce.isPresent()) {
            return inForce;
        }
        var first = calculations.stream().map(PublishedQuota::effectiveDate).min(Comparator.naturalOrder());
        return first.flatMap(earliest -> calculations.stream().filter(c -> c.effectiveDate().equals(earliest))
                .max(order));
    }

    /** The half-years that have a published quota, oldest first. */
    @Transactional(readOnly = true)
    public List<HalfYear> periods() {
        return jdbc.sql("SELECT DISTINCT year, half FROM quota_calculation ORDER BY year, half")
                .query((rs, n) -> new HalfYear(rs.getInt(1), rs.getInt(2))).list();
    }

    /** The municipal quotas of a computation, by municipality code. */
    @Transactional(readOnly = true)
    public Map<MunicipalityCode, MunicipalQuota> quotasOf(long calculationId) {
        var quotas = new LinkedHashMap<MunicipalityCode, MunicipalQuota>();
        jdbc.sql("""
                SELECT municipality_code, population, quota FROM municipal_quota WHERE calculation_id = :id
                ORDER BY municipality_code""")
                .param("id", calculationId)
                .query((rs, n) -> new MunicipalQuota(MunicipalityCode.of(rs.getString(1)), rs.getLong(2), rs.getLong(3)))
                .list().forEach(q -> quotas.put(q.municipality(), q));
        return quotas;
    }

    private static final String SELECT = """
            SELECT c.id, c.year, c.half, c.national_total_id, c.national_total, c.population_version_id,
                   c.population_reference_date, c.population_total, c.version_chosen, c.choice_reason,
                   c.effective_date, c.calculated_by, c.calculated_at,
                   (SELECT coalesce(sum(q.quota), 0) FROM municipal_quota q WHERE q.calculation_id = c.id) AS quota_sum,
                   (SELECT count(*) FROM municipal_quota q WHERE q.calculation_id = c.id) AS n
            FROM quota_calculation c""";

    private static PublishedQuota map(ResultSet rs, int row) throws SQLException {
        return new PublishedQuota(rs.getLong("id"), new HalfYear(rs.getInt("year"), rs.getInt("half")),
                rs.getLong("national_total_id"), rs.getInt("national_total"), rs.getLong("population_version_id"),
                rs.getObject("population_reference_date", LocalDate.class), rs.getLong("population_total"),
                rs.getBoolean("version_chosen"), rs.getString("choice_reason"),
                rs.getObject("effective_date", LocalDate.class), rs.getString("calculated_by"),
                rs.getTimestamp("calculated_at").toInstant(), rs.getLong("quota_sum"), rs.getInt("n"));
    }
}
