package nl.doorstroom.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.quota.Merger;
import nl.doorstroom.quota.MergerRecorded;
import nl.doorstroom.quota.QuotaPublished;
import nl.doorstroom.quota.QuotaTransferAgreed;
import nl.doorstroom.shared.ProvinceCode;
import nl.doorstroom.quota.Mergers;
import nl.doorstroom.quota.Quotas;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Computes realisation against the corrected quota for every municipality on any date: the quota in
 * force then, the carry-over from every half-year before, the number housed, the pace and the
 * assessment colour. Results are kept per date until any of their inputs changes (see {@link #on}).
 */
@Service
public class ProgressMonitor {

    private final Quotas quotas;
    private final Mergers mergers;
    private final Realisation realisation;
    private final AssessmentPolicy policy;
    private final MunicipalityRegistry registry;
    /** The state of the inputs as read at {@code readAt}, valid while no change has committed since ({@code generation}). */
    private record Stamp(String value, long readAt, long generation) {
    }

    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private static final long STAMP_LIFETIME_NANOS = 1_000_000_000L;

    private volatile Stamp stamp;
    private final Map<String, ProgressPicture> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ProgressPicture> eldest) {
            return size() > 32;
        }
    };

    ProgressMonitor(Quotas quotas, Mergers mergers, Realisation realisation, AssessmentPolicy policy,
            MunicipalityRegistry registry) {
        this.quotas = quotas;
        this.mergers = mergers;
        this.realisation = realisation;
        this.policy = policy;
        this.registry = registry;
    }

    /** Progress on a date, from the first half-year with a published quota to the one containing the date. */
    @Transactional(readOnly = true)
    public ProgressPicture at(LocalDate date) {
        var key = date + "/" + stamp();
        synchronized (cache) {
            var cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        var picture = compute(date).withVersion(key);
        synchronized (cache) {
            cache.put(key, picture);
        }
        return picture;
    }

    /** The state of every input, read from the database at most once a second. */
    private String stamp() {
        var known = stamp;
        if (known != null && known.generation() == generation.get()
                && System.nanoTime() - known.readAt() < STAMP_LIFETIME_NANOS) {
            return known.value();
        }
        // A change that commits while this is read raises the generation, so what is read here is not kept.
        long readIn = generation.get();
        var value = quotas.stamp() + "/" + realisation.stamp() + "/" + policy.stamp();
        stamp = new Stamp(value, System.nanoTime(), readIn);
        return value;
    }

    /**
     * A change made through this application node is seen at once; one made through another node within
     * a second (the stamp's lifetime), so a page never shows figures that are older than that.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(QuotaPublished event) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(QuotaTransferAgreed event) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MergerRecorded event) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RealisationImported event) {
        changed();
    }

    // After completion, not after commit: Spring Modulith would keep a publication row for every housing
    // step (a write, a delete and two commits each); dropping the cache after a rollback is harmless.
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(nl.doorstroom.permitholders.HouseholdHoused event) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AssessmentPolicyChanged event) {
        changed();
    }

    private void changed() {
        generation.incrementAndGet();
        stamp = null;
    }

    private ProgressPicture compute(LocalDate date) {
        var current = HalfYear.containing(date);
        var published = quotas.periods();
        if (published.isEmpty() || published.get(0).compareTo(current) > 0) {
            return new ProgressPicture(date, date, List.of(), Map.of());
        }
        var periods = HalfYear.range(published.get(0), current);
        var excused = new HashSet<String>();
        policy.excuses().forEach(e -> excused.add(e.municipality().value() + "/" + e.period()));
        // The pace is measured up to the end of the last month with figures (COA reports a month after it
        // ends), so a month not yet reported does not make everyone look behind.
        var measuredThrough = realisation.lastReportedMonth(date)
                .map(month -> month.atEndOfMonth().isBefore(date) ? month.atEndOfMonth() : date)
                .orElse(periods.get(0).start().minusDays(1));
        return compute(date, measuredThrough, periods, registry.all(), quotas.book(periods, date),
                realisation.housedByPeriod(date), policy.thresholds(), excused, mergers.all());
    }

    /**
     * The ledger itself, on plain data: for every municipality and half-year in order, the corrected
     * quota (quota + the balance carried in), the number housed, and the colour.
     *
     * @param measuredThrough the last day the figures cover; the pace of the running half-year is measured up to it
     * @param excused "code/period" of every excused shortfall
     */
    static ProgressPicture compute(LocalDate date, LocalDate measuredThrough, List<HalfYear> periods,
            List<Municipality> municipalities,
            Map<HalfYear, Quotas.PeriodQuotas> book, Map<MunicipalityCode, Map<HalfYear, Long>> housed,
            Map<ProvinceCode, Thresholds> thresholds, Set<String> excused, List<Merger> mergers) {
        var current = periods.get(periods.size() - 1);
        var histories = new LinkedHashMap<MunicipalityCode, List<PeriodProgress>>();
        var balance = new HashMap<MunicipalityCode, Long>();
        for (var period : periods) {
            // Art. 30: from the merger's first half-year the predecessors' balances continue on the successor.
            for (var merger : mergers) {
                if (merger.effective().equals(period)) {
                    long carried = merger.predecessors().stream().mapToLong(p -> balance.getOrDefault(p, 0L)).sum();
                    balance.merge(merger.successor(), carried, Long::sum);
                    merger.predecessors().forEach(balance::remove);
                }
            }
            var quotasOfPeriod = book.get(period);
            // A half-year is judged on its cut-off date once its last month is reported; until then provisionally.
            boolean complete = period.end().isBefore(date) && !measuredThrough.isBefore(period.end());
            for (var municipality : municipalities) {
                var code = municipality.code();
                if (mergers.stream().anyMatch(m -> m.absorbs(code, period))) {
                    continue;
                }
                // A successor also carries what was published or housed under its predecessors' codes.
                var codes = new ArrayList<MunicipalityCode>();
                codes.add(code);
                mergers.stream().filter(m -> m.successor().equals(code) && period.compareTo(m.effective()) >= 0)
                        .forEach(m -> codes.addAll(m.predecessors()));
                long quota = codes.stream().mapToLong(quotasOfPeriod::quotaOf).sum();
                long housedInPeriod = codes.stream()
                        .mapToLong(c -> housed.getOrDefault(c, Map.of()).getOrDefault(period, 0L)).sum();
                long carriedIn = balance.getOrDefault(code, 0L);
                long corrected = quota + carriedIn;
                double expected = PeriodProgress.expectedBy(period, measuredThrough.isAfter(date) ? date : measuredThrough,
                        corrected);
                var rule = thresholds.getOrDefault(municipality.province(), Thresholds.defaultFor(municipality.province()));
                // On a cut-off date the whole corrected quota counts; before it, the pace so far.
                var colour = complete ? rule.colourOf(housedInPeriod, corrected)
                        : rule.colourOf(housedInPeriod, (long) Math.ceil(expected));
                histories.computeIfAbsent(code, k -> new ArrayList<>()).add(new PeriodProgress(period, date, quota,
                        carriedIn, corrected, housedInPeriod, expected, complete, quotasOfPeriod.calculation().isPresent(),
                        colour, excused.contains(code.value() + "/" + period)));
                balance.put(code, corrected - housedInPeriod);
            }
        }
        var byCode = new LinkedHashMap<MunicipalityCode, MunicipalityProgress>();
        for (var municipality : municipalities) {
            var history = histories.get(municipality.code());
            if (history != null && history.get(history.size() - 1).period().equals(current)) {
                byCode.put(municipality.code(), new MunicipalityProgress(municipality.code(), municipality.name(),
                        municipality.province(), municipality.provinceName(), municipality.coaRegion(),
                        List.copyOf(history)));
            }
        }
        return new ProgressPicture(date, measuredThrough.isAfter(date) ? date : measuredThrough, List.copyOf(periods),
                byCode);
    }
}
