package nl.doorstroom.quota;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quota each municipality has to meet in a half-year as known on a date: the published quota that
 * applies then, plus the transfers agreed by then (art. 29(2)). What the progress monitor measures
 * against.
 */
@Service
public class Quotas {

    /**
     * A municipality's quota in one half-year.
     *
     * @param published the quota of the computation that applies (art. 29(1))
     * @param transferred the net change by transfers (art. 29(2))
     */
    public record QuotaLine(HalfYear period, long calculationId, long published, long transferred) {

        public long quota() {
            return published + transferred;
        }
    }

    /**
     * The quotas of one half-year by the computation that applies on the date ({@link QuotaCalculation#current}),
     * or none when none was published.
     */
    public record PeriodQuotas(HalfYear period, Optional<PublishedQuota> calculation,
            Map<MunicipalityCode, QuotaLine> lines) {

        public long quotaOf(MunicipalityCode code) {
            var line = lines.get(code);
            return line == null ? 0 : line.quota();
        }
    }

    private final QuotaCalculation calculation;
    private final QuotaTransfers transfers;
    private final JdbcClient jdbc;

    Quotas(QuotaCalculation calculation, QuotaTransfers transfers, JdbcClient jdbc) {
        this.calculation = calculation;
        this.transfers = transfers;
        this.jdbc = jdbc;
    }

    /**
     * Changes whenever a quota, transfer or merger is recorded; for caches of derived figures. Counts
     * as well as maxima: ids are handed out at insert, not at commit, so a row that commits after a
     * later one leaves the maximum alone but not the count.
     */
    @Transactional(readOnly = true)
    public String stamp() {
        return jdbc.sql("""
                SELECT (SELECT count(*) || '.' || coalesce(max(id), 0) FROM quota_calculation) || '.'
                    || (SELECT count(*) || '.' || coalesce(max(id), 0) FROM quota_transfer) || '.'
                    || (SELECT count(*) || '.' || coalesce(max(id), 0) FROM municipality_merger)""").query(String.class)
                .single();
    }

    /** The quotas of each given half-year as known on {@code asOf}, in the given order. */
    @Transactional(readOnly = true)
    public Map<HalfYear, PeriodQuotas> book(List<HalfYear> periods, LocalDate asOf) {
        var allTransfers = transfers.all();
        var book = new LinkedHashMap<HalfYear, PeriodQuotas>();
        for (var period : periods) {
            var current = calculation.current(period, asOf);
            var lines = new LinkedHashMap<MunicipalityCode, QuotaLine>();
            if (current.isPresent()) {
                var effect = QuotaTransfers.effectOf(allTransfers.stream()
                        .filter(t -> t.period().equals(period) && !t.agreedOn().isAfter(asOf)).toList());
                calculation.quotasOf(current.get().id()).forEach((code, quota) -> lines.put(code,
                        new QuotaLine(period, current.get().id(), quota.quota(), effect.getOrDefault(code, 0L))));
            }
            book.put(period, new PeriodQuotas(period, current, lines));
        }
        return book;
    }

    /** The half-years with a published quota, oldest first. */
    public List<HalfYear> periods() {
        return calculation.periods();
    }
}
