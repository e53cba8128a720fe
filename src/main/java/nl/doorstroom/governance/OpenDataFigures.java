package nl.doorstroom.governance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.doorstroom.coordination.Commitments;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.quota.NationalTotal;
import nl.doorstroom.quota.NationalTotals;
import nl.doorstroom.reception.MunicipalCapacity;
import nl.doorstroom.reception.ReceptionLocations;
import nl.doorstroom.reception.ReceptionTasks;
import nl.doorstroom.reception.TaskPicture;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open data set: per municipality and half-year the quota, carry-over, corrected quota, housed, shortfall,
 * reception places and commitments, as they stand today. Built only from other modules' aggregate figures
 * (progress, reception, coordination), so it holds no personal data.
 *
 * <p>Open to every signed-in user of every role, but not to anonymous visitors: the figures of a running half-year
 * are the table's working figures, and the table decides when they go out (publishing on an open portal is done
 * with these files). Opening them to anonymous users is one line in the security configuration.
 */
@Service
public class OpenDataFigures {

    private final ProgressMonitor progress;
    private final ReceptionLocations locations;
    private final ReceptionTasks receptionTasks;
    private final Commitments commitments;
    private final NationalTotals nationalTotals;
    private final boolean demo;

    OpenDataFigures(ProgressMonitor progress, ReceptionLocations locations, ReceptionTasks receptionTasks,
            Commitments commitments, NationalTotals nationalTotals,
            @Value("${doorstroom.demo.enabled:false}") boolean demo) {
        this.progress = progress;
        this.locations = locations;
        this.receptionTasks = receptionTasks;
        this.commitments = commitments;
        this.nationalTotals = nationalTotals;
        this.demo = demo;
    }

    /** Today in the Netherlands: the reference date of every download. */
    public static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    /** The half-years with figures today, oldest first: from the first published quota to the running one. */
    @Transactional(readOnly = true)
    public List<HalfYear> periods() {
        return progress.at(today()).periods();
    }

    /**
     * Every municipality's figures in a half-year as of today.
     *
     * @throws InvalidInput (field {@code period}) when the half-year has no figures
     */
    @Transactional(readOnly = true)
    public OpenDataSet figures(HalfYear period) {
        return figures(period, today());
    }

    /** As {@link #figures(HalfYear)}, as of a given date (the table's letters use it for their own date). */
    OpenDataSet figures(HalfYear period, LocalDate referenceDate) {
        var picture = progress.at(referenceDate);
        if (!picture.periods().contains(period)) {
            throw picture.isEmpty()
                    ? InvalidInput.of("period", "governance.opendata.period.none", period.toString())
                    : InvalidInput.of("period", "governance.opendata.period.unknown", period.toString(),
                            picture.periods().get(0).toString(), picture.current().toString());
        }
        // Places are counted on the half-year's last day, or on the reference date while it runs.
        var placesDate = period.end().isBefore(referenceDate) ? period.end() : referenceDate;
        Map<MunicipalityCode, MunicipalCapacity> coa = locations.capacityByMunicipality(placesDate);
        Map<MunicipalityCode, TaskPicture> tasks = receptionTasks.picture(placesDate);
        // Commitments made in the half-year (up to the reference date), decided and kept as they stand now.
        Map<MunicipalityCode, Commitments.PeriodTally> made = commitments.madeBetween(period.start(), placesDate);
        var rows = new ArrayList<OpenDataRow>();
        for (var m : picture.municipalities()) {
            var inPeriod = m.history().stream().filter(p -> p.period().equals(period)).findFirst();
            if (inPeriod.isEmpty()) {
                continue;
            }
            var p = inPeriod.get();
            var places = coa.get(m.code());
            var task = tasks.get(m.code());
            var tally = made.get(m.code());
            var percent = p.realisationPercent() == null ? null
                    : BigDecimal.valueOf(p.realisationPercent()).setScale(1, RoundingMode.HALF_UP);
            rows.add(new OpenDataRow(m.code().value(), m.name(), m.province().value(), m.provinceName(), p.quota(),
                    p.carriedIn(), p.correctedQuota(), p.housed(), p.shortfall(), percent, p.colour().name(),
                    p.complete(), places == null ? 0 : places.capacity(), task == null ? null : task.municipalPlaces(),
                    tally == null ? 0 : tally.decided(), tally == null ? 0 : tally.kept()));
        }
        boolean synthetic = demo || nationalTotals.inForce(period, referenceDate).map(NationalTotal::synthetic)
                .orElse(false);
        return new OpenDataSet(period, referenceDate, placesDate, synthetic, List.copyOf(rows));
    }

    /**
     * Reads a half-year as written in a download's address: {@code 2026-H2}, {@code 2026-II} or {@code 2026-2};
     * none is the running half-year.
     *
     * @throws InvalidInput (field {@code period}) when it is no half-year
     */
    public static HalfYear period(String text) {
        if (text == null || text.isBlank()) {
            return HalfYear.containing(today());
        }
        try {
            return HalfYear.parse(text.strip().toUpperCase(java.util.Locale.ROOT).replaceFirst("-H([12])$", "-$1"));
        }
        catch (IllegalArgumentException e) {
            throw InvalidInput.of("period", "governance.opendata.period.invalid", text.strip());
        }
    }
}
