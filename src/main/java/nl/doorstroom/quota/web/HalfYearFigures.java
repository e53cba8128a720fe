package nl.doorstroom.quota.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.PopulationVersion;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.quota.MunicipalQuota;
import nl.doorstroom.quota.NationalTotal;
import nl.doorstroom.quota.NationalTotals;
import nl.doorstroom.quota.PublishedQuota;
import nl.doorstroom.quota.QuotaCalculation;
import nl.doorstroom.quota.QuotaTransfer;
import nl.doorstroom.quota.QuotaTransfers;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The published quota of one half-year as its page, its download and its letters show it: the
 * computation that applies, what it was computed from, and every municipality's row.
 */
@Component
class HalfYearFigures {

    /**
     * @param inForce false when the computation has not taken effect yet (published ahead of its half-year)
     * @param synthetic whether any figure behind it is synthetic: the national total, population figures
     *        that are not official, or a transfer of the demo
     */
    record Figures(HalfYear period, PublishedQuota calculation, boolean inForce, NationalTotal total,
            PopulationVersion version, boolean synthetic, List<QuotaRow> rows, List<QuotaTransfer> transfers) {

        Optional<QuotaRow> row(String code) {
            return rows.stream().filter(r -> r.code().equals(code)).findFirst();
        }
    }

    private final NationalTotals totals;
    private final QuotaCalculation calculation;
    private final QuotaTransfers transfers;
    private final Populations populations;
    private final MunicipalityRegistry registry;

    HalfYearFigures(NationalTotals totals, QuotaCalculation calculation, QuotaTransfers transfers,
            Populations populations, MunicipalityRegistry registry) {
        this.totals = totals;
        this.calculation = calculation;
        this.transfers = transfers;
        this.populations = populations;
        this.registry = registry;
    }

    /** A half-year from a path ({@code 2024-I}); anything else is a page that does not exist. */
    static HalfYear period(String text) {
        try {
            return HalfYear.parse(text);
        }
        catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such half-year: " + text);
        }
    }

    /** The figures of the computation that applies on {@code date}; empty when none was published. */
    Optional<Figures> of(HalfYear period, LocalDate date) {
        var current = calculation.current(period, date);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        var published = current.get();
        boolean inForce = !published.effectiveDate().isAfter(date);
        var total = totals.find(published.nationalTotalId()).orElse(null);
        var version = populations.version(published.populationVersionId()).orElse(null);
        var agreed = transfers.forPeriod(period);
        var net = new TreeMap<MunicipalityCode, Long>();
        agreed.forEach(t -> t.changes().forEach((code, change) -> net.merge(code, (long) change, Long::sum)));
        var names = new TreeMap<MunicipalityCode, Municipality>();
        registry.all().forEach(m -> names.put(m.code(), m));
        var rows = new ArrayList<QuotaRow>();
        for (Map.Entry<MunicipalityCode, MunicipalQuota> entry
                : calculation.quotasOf(published.id()).entrySet()) {
            rows.add(QuotaRow.of(entry.getValue(), names.get(entry.getKey()), published,
                    net.getOrDefault(entry.getKey(), 0L)));
        }
        boolean synthetic = (total != null && total.synthetic()) || version == null || !version.official()
                || agreed.stream().anyMatch(QuotaTransfer::synthetic);
        return Optional.of(new Figures(period, published, inForce, total, version, synthetic, List.copyOf(rows),
                agreed));
    }
}
