package nl.doorstroom.governance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import nl.doorstroom.coordination.CallList;
import nl.doorstroom.coordination.Commitment;
import nl.doorstroom.coordination.Commitments;
import nl.doorstroom.coordination.WeeklyTarget;
import nl.doorstroom.forecasting.ForecastRuns;
import nl.doorstroom.governance.ReportFigures.CommitmentCounts;
import nl.doorstroom.governance.ReportFigures.EscalationCounts;
import nl.doorstroom.governance.ReportFigures.ExtraPlaces;
import nl.doorstroom.governance.ReportFigures.ExtraPlacesWeek;
import nl.doorstroom.governance.ReportFigures.HalfYearBar;
import nl.doorstroom.governance.ReportFigures.Lagging;
import nl.doorstroom.governance.ReportFigures.MapValue;
import nl.doorstroom.governance.ReportFigures.PermitHolders;
import nl.doorstroom.governance.ReportFigures.Quota;
import nl.doorstroom.governance.ReportFigures.Reason;
import nl.doorstroom.governance.ReportFigures.Reception;
import nl.doorstroom.governance.ReportFigures.Runway;
import nl.doorstroom.governance.ReportFigures.StepCount;
import nl.doorstroom.governance.ReportFigures.TerApelWeek;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.permitholders.HouseholdOverview;
import nl.doorstroom.progress.PeriodTotals;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.reception.ReceptionLocations;
import nl.doorstroom.reception.ReceptionNorm;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.supervision.Escalations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads every figure of the weekly report from the modules' facades, as of a reference date. Where a facade
 * keeps only the present state, the section is listed in {@link ReportFigures#AS_NOW_SECTIONS}.
 */
@Component
class WeeklyReportComposer {

    static final int LAGGING = 10;
    static final int RECENT_WEEKS = 12;
    static final int HALF_YEARS = 6;

    private final ProgressMonitor progress;
    private final HouseholdOverview households;
    private final ReceptionLocations reception;
    private final WeeklyTarget weeklyTarget;
    private final Commitments commitments;
    private final CallList callList;
    private final Escalations escalations;
    private final ForecastRuns forecasts;
    private final MunicipalityRegistry registry;
    private final WeeklyReportActions actions;
    private final boolean demo;

    WeeklyReportComposer(ProgressMonitor progress, HouseholdOverview households, ReceptionLocations reception,
            WeeklyTarget weeklyTarget, Commitments commitments, CallList callList, Escalations escalations,
            ForecastRuns forecasts, MunicipalityRegistry registry, WeeklyReportActions actions,
            @Value("${doorstroom.demo.enabled:false}") boolean demo) {
        this.progress = progress;
        this.households = households;
        this.reception = reception;
        this.weeklyTarget = weeklyTarget;
        this.commitments = commitments;
        this.callList = callList;
        this.escalations = escalations;
        this.forecasts = forecasts;
        this.registry = registry;
        this.actions = actions;
        this.demo = demo;
    }

    /** The figures as of a date; the caller runs this with the nation's view (see {@link WeeklyReports}). */
    ReportFigures compose(LocalDate date) {
        var picture = progress.at(date);
        var period = HalfYear.containing(date);
        Quota quota = null;
        var bars = new ArrayList<HalfYearBar>();
        var map = new ArrayList<MapValue>();
        if (!picture.isEmpty()) {
            var nation = picture.nation();
            var t = nation.get(nation.size() - 1);
            quota = quota(t);
            for (var h : nation.subList(Math.max(0, nation.size() - HALF_YEARS), nation.size())) {
                bars.add(new HalfYearBar(h.period().toString(), h.correctedQuota(), h.housed(),
                        round(h.realisationPercent(), 1)));
            }
            picture.municipalities().stream().sorted(Comparator.comparing(m -> m.code().value()))
                    .forEach(m -> map.add(new MapValue(m.code().value(), m.name(),
                            round(m.current().realisationPercent(), 1))));
        }
        var runways = runways(date);
        var actionItems = actions.openOn(date);
        boolean synthetic = demo || runways.stream().anyMatch(Runway::synthetic);
        return new ReportFigures(date, period.toString(), picture.isEmpty() ? null : picture.measuredThrough(), quota,
                List.copyOf(bars), permitHolders(date), reception(date), extraPlaces(date), commitments(date, period),
                lagging(date), escalations(date), runways, actionItems.orElse(List.of()), actionItems.isPresent(),
                List.copyOf(map), ReportFigures.AS_NOW_SECTIONS, synthetic);
    }

    private static Quota quota(PeriodTotals t) {
        return new Quota(t.quota(), t.carriedIn(), t.correctedQuota(), t.housed(), t.remaining(), t.advance(),
                round(t.realisationPercent(), 1), Math.round(t.expected()), round(t.weeksBehind(), 1),
                t.municipalities(), t.green(), t.orange(), t.red(), t.met());
    }

    /** The Monday of the last week (Monday to Sunday) that has ended by the end of the date. */
    static LocalDate lastCompleteWeek(LocalDate date) {
        return date.plusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
    }

    private PermitHolders permitHolders(LocalDate date) {
        var week = lastCompleteWeek(date);
        var series = reception.nationalSeries(week, week.plusDays(6));
        long inReception = series.isEmpty() ? 0 : series.get(series.size() - 1).permitHolders();
        var overdue = households.overdue(null, date).total();
        return new PermitHolders(week, inReception, overdue.pastFourteenWeeksHouseholds(),
                overdue.pastFourteenWeeksPersons(), overdue.overdueHouseholds(), overdue.harOverTerm());
    }

    private Reception reception(LocalDate date) {
        var last = lastCompleteWeek(date);
        var series = reception.nationalSeries(last.minusWeeks(RECENT_WEEKS - 1), last.plusDays(6));
        var norms = reception.normHistory();
        var weeks = new ArrayList<TerApelWeek>();
        for (var w : series) {
            weeks.add(new TerApelWeek(w.week(), w.centralRegistration(), normOn(norms, w.week().plusDays(6)),
                    w.preRegistrationWaiting()));
        }
        var latest = series.isEmpty() ? null : series.get(series.size() - 1);
        return new Reception(last, latest == null ? 0 : latest.total(), latest == null ? 0 : latest.capacity(),
                latest == null ? 0 : latest.centralRegistration(), normOn(norms, last.plusDays(6)),
                latest == null ? 0 : latest.preRegistrationWaiting(), latest == null ? 0 : latest.locationsReporting(),
                List.copyOf(weeks));
    }

    /** The norm in force on a day: the latest version valid from then or before (the oldest when none is). */
    static int normOn(List<ReceptionNorm> newestFirst, LocalDate day) {
        return newestFirst.stream().filter(n -> !n.validFrom().isAfter(day))
                .max(Comparator.comparingInt(ReceptionNorm::version))
                .or(() -> newestFirst.stream().min(Comparator.comparingInt(ReceptionNorm::version)))
                .map(ReceptionNorm::persons).orElse(0);
    }

    private ExtraPlaces extraPlaces(LocalDate date) {
        var f = weeklyTarget.figures(RECENT_WEEKS, date);
        var weeks = new ArrayList<ExtraPlacesWeek>();
        for (int i = 0; i < f.weeks().size(); i++) {
            weeks.add(new ExtraPlacesWeek(f.weeks().get(i), f.total().get(i), f.housed().get(i)));
        }
        return new ExtraPlaces(f.weeks().get(f.weeks().size() - 1), f.lastWeek(), f.target(), round(f.recentPace(), 1),
                f.behindPace(), f.weeksToClear(), List.copyOf(weeks));
    }

    private CommitmentCounts commitments(LocalDate date, HalfYear period) {
        var monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long made = 0, promised = 0, kept = 0, partly = 0, notKept = 0, open = 0, realised = 0, madeWeek = 0,
                keptWeek = 0;
        for (var municipality : registry.all()) {
            for (var c : commitments.of(municipality.code()).commitments()) {
                if (c.madeOn().isAfter(date)) {
                    continue;
                }
                boolean realisedBy = c.realisedOn() != null && !c.realisedOn().isAfter(date);
                boolean keptBy = realisedBy
                        && (c.status() == Commitment.Status.KEPT || c.status() == Commitment.Status.PARTLY_KEPT);
                if (keptBy && !c.realisedOn().isBefore(monday)) {
                    keptWeek++;
                }
                if (c.madeOn().isBefore(period.start())) {
                    continue;
                }
                made++;
                promised += c.places();
                if (!c.madeOn().isBefore(monday)) {
                    madeWeek++;
                }
                if (keptBy && c.status() == Commitment.Status.KEPT) {
                    kept++;
                }
                else if (keptBy) {
                    partly++;
                }
                else if (c.status() == Commitment.Status.NOT_KEPT) {
                    notKept++;
                }
                else {
                    open++;
                }
                if (keptBy) {
                    realised += c.realisedPlaces() == null ? 0 : c.realisedPlaces();
                }
            }
        }
        return new CommitmentCounts(period.start(), made, promised, kept, partly, notKept, open, realised, madeWeek,
                keptWeek);
    }

    private List<Lagging> lagging(LocalDate date) {
        var list = new ArrayList<Lagging>();
        var priorities = callList.on(date).priorities();
        for (int i = 0; i < Math.min(LAGGING, priorities.size()); i++) {
            var p = priorities.get(i);
            var reasons = p.reasons().stream()
                    .map(r -> new Reason(r.messageKey(), List.copyOf(r.arguments()), r.points())).toList();
            list.add(new Lagging(i + 1, p.code().value(), p.name(), p.province(), p.correctedQuota(), p.housed(),
                    p.shortfall(), round(p.realisationPercent(), 1), round(p.weeksBehind(), 1), p.points(), reasons));
        }
        return List.copyOf(list);
    }

    private EscalationCounts escalations(LocalDate date) {
        var d = escalations.dashboard(null, date);
        var steps = d.steps().stream()
                .map(s -> new StepCount(s.kind().name(), s.named() ? s.name() : null, s.open(), s.overdue())).toList();
        return new EscalationCounts(d.open(), d.overdue(), d.closed(), steps);
    }

    private List<Runway> runways(LocalDate date) {
        return forecasts.runwaysOn(date).stream()
                .map(r -> new Runway(r.scenarioName(), r.synthetic(), r.startOn(), r.finishedAt(), r.horizonWeeks(),
                        r.runwayMedianWeeks(), r.runwayMedianDate(), r.runwayP90Weeks(), r.runwayP90Date()))
                .toList();
    }

    static BigDecimal round(Double value, int decimals) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
