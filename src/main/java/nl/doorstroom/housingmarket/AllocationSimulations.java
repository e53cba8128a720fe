package nl.doorstroom.housingmarket;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import nl.doorstroom.housingmarket.engine.Comparison;
import nl.doorstroom.housingmarket.engine.NeededShare;
import nl.doorstroom.housingmarket.engine.SimulationInput;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.permitholders.LinkingInputs;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the allocation-share simulation for an area from today's data: the market figures the corporations reported,
 * the linked households awaiting a home and their sizes, the corrected quota and what is housed this half-year, and
 * the recent pace of new links. It runs in milliseconds, so it is computed on request and not stored.
 */
@Service
public class AllocationSimulations {

    /** The weeks over which the recent pace of new links is measured. */
    static final int PACE_WEEKS = 8;

    private final HousingStocks stocks;
    private final LinkingInputs linking;
    private final ProgressMonitor progress;
    private final MunicipalityRegistry registry;
    private final SimulationAccess access;

    AllocationSimulations(HousingStocks stocks, LinkingInputs linking, ProgressMonitor progress,
            MunicipalityRegistry registry, SimulationAccess access) {
        this.stocks = stocks;
        this.linking = linking;
        this.progress = progress;
        this.registry = registry;
        this.access = access;
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    /** The simulation of a saved scenario. */
    @Transactional(readOnly = true)
    public SimulationResult run(AllocationScenario scenario) {
        return run(scenario.area(), scenario.marketYear(), scenario.shares(), scenario.extraHomesPerWeek(),
                scenario.weeks(), scenario.newLinksPerWeek());
    }

    /**
     * A simulation of an area at the given shares.
     *
     * @param marketYear null for the latest year with figures
     * @param weeks null for up to the end of the current half-year
     * @param newLinksPerWeek null for the pace of the last eight weeks
     */
    @Transactional(readOnly = true)
    public SimulationResult run(SimulationArea area, Integer marketYear, List<Double> shares,
            Map<SizeBand, Double> extraHomesPerWeek, Integer weeks, Double newLinksPerWeek) {
        access.requireReader(area);
        var municipalities = municipalitiesOf(area);
        var codes = municipalities.stream().map(Municipality::code).toList();
        var today = today();
        var half = HalfYear.containing(today);
        int weeksLeft = weeksLeft(today, half);
        int horizon = weeks == null ? Math.max(1, weeksLeft) : weeks;
        Integer year = marketYear != null ? marketYear : stocks.latestYear().orElse(null);
        var awaiting = awaiting(codes, linking.householdSizesAwaitingHome());
        long[] quota = quota(codes, today);
        boolean fromPace = newLinksPerWeek == null;
        double links = fromPace ? pace(codes, awaiting) : newLinksPerWeek;
        String name = nameOf(area, municipalities);
        if (year == null) {
            return new SimulationResult(area, name, null, null, today, half, horizon, weeksLeft, quota[0], quota[1],
                    awaiting, links, fromPace, 0, true, null);
        }
        var figures = stocks.figuresFor(codes, year);
        if (!figures.withoutFigures().isEmpty() && figures.totalVacanciesPerYear() > 0) {
            // A municipality without market figures brings its quota and its waiting households but no vacancies:
            // counted in, the share needed in the others would be overstated. It is left out, and the page says so.
            codes = withFigures(codes, figures);
            awaiting = awaiting(codes, linking.householdSizesAwaitingHome());
            quota = quota(codes, today);
            links = fromPace ? pace(codes, awaiting) : newLinksPerWeek;
        }
        if (figures.totalVacanciesPerYear() == 0) {
            return new SimulationResult(area, name, year, figures, today, half, horizon, weeksLeft, quota[0], quota[1],
                    awaiting, links, fromPace, 0, true, null);
        }
        var input = input(figures, horizon, weeksLeft, awaiting, links, quota, extraHomesPerWeek);
        var comparison = Comparison.of(input, shares.isEmpty() ? List.of(figures.allocationShare()) : shares);
        return new SimulationResult(area, name, year, figures, today, half, horizon, weeksLeft, quota[0], quota[1],
                awaiting, links, fromPace, input.arrivalsPerWeek(), input.seekerArrivalsPerWeek() == null, comparison);
    }

    /**
     * The needed share of every municipality of a province or the nation (or of the one municipality) that the reader
     * may see, with the latest market figures (or those of the year given). A reader who sees none of the area's
     * municipalities is refused.
     */
    @Transactional(readOnly = true)
    public List<NeededShareRow> neededShares(SimulationArea area, Integer marketYear) {
        access.requireReader();
        var municipalities = municipalitiesOf(area).stream().filter(m -> access.maySee(m.code())).toList();
        if (municipalities.isEmpty() && !access.maySee(area)) {
            throw new org.springframework.security.access.AccessDeniedException("No municipality of " + area + " is visible");
        }
        var codes = municipalities.stream().map(Municipality::code).toList();
        var today = today();
        var half = HalfYear.containing(today);
        int weeksLeft = weeksLeft(today, half);
        Integer year = marketYear != null ? marketYear : stocks.latestYear().orElse(null);
        Map<MunicipalityCode, MarketFigures> figures = year == null || codes.isEmpty() ? Map.of()
                : stocks.figuresByMunicipality(codes, year);
        var sizes = linking.householdSizesAwaitingHome();
        var picture = progress.at(today);
        var linkedPersons = linking.largeHouseholdPersonsLinkedSince(today.minusWeeks(PACE_WEEKS), 1);
        var rows = new ArrayList<NeededShareRow>(municipalities.size());
        for (var municipality : municipalities) {
            var code = municipality.code();
            var awaiting = awaiting(List.of(code), sizes);
            long[] quota = quota(picture, List.of(code));
            var own = figures.get(code);
            long households = awaiting.values().stream().mapToLong(Long::longValue).sum();
            if (own == null || own.totalVacanciesPerYear() == 0) {
                rows.add(new NeededShareRow(code.value(), municipality.name(), municipality.provinceName(), null,
                        quota[0] - quota[1], households, null));
                continue;
            }
            double links = pace(linkedPersons.getOrDefault(code, 0L), awaiting);
            var input = input(own, Math.max(1, weeksLeft), weeksLeft, awaiting, links, quota, Map.of());
            rows.add(new NeededShareRow(code.value(), municipality.name(), municipality.provinceName(),
                    own.allocationShare(), quota[0] - quota[1], households, NeededShare.of(input)));
        }
        return rows;
    }

    /** The municipalities of the area that have market figures in the year. */
    static List<MunicipalityCode> withFigures(List<MunicipalityCode> codes, MarketFigures figures) {
        return codes.stream().filter(code -> !figures.withoutFigures().contains(code)).toList();
    }

    static SimulationInput input(MarketFigures figures, int weeks, int weeksLeft, SortedMap<Integer, Long> awaiting,
            double newLinksPerWeek, long[] quota, Map<SizeBand, Double> extra) {
        var households = new TreeMap<Integer, Double>();
        awaiting.forEach((persons, count) -> households.put(persons, count.doubleValue()));
        // New seekers reported for only some rows would feed the queue with part of its arrivals while every row's
        // vacancies serve it, so the list would shrink by itself: then the steady state is used as when none reported.
        Double arrivals = figures.newSeekersPerYear() == null || !figures.newSeekersFromAll() ? null
                : figures.newSeekersPerYear() / 52.0;
        return new SimulationInput(weeks, SimulationInput.weekly(figures.vacanciesPerYear()), extra,
                figures.allocationShare(), figures.allocationShare(), households, linkMix(awaiting, newLinksPerWeek),
                quota[0], quota[1], weeksLeft, figures.activeSeekers(), arrivals);
    }

    /** New links a week spread over the household sizes as the households now awaiting a home are. */
    static SortedMap<Integer, Double> linkMix(SortedMap<Integer, Long> awaiting, double perWeek) {
        var mix = new TreeMap<Integer, Double>();
        long total = awaiting.values().stream().mapToLong(Long::longValue).sum();
        if (perWeek <= 0) {
            return mix;
        }
        if (total == 0) {
            // Without households to take the mix from, the mean household of two and a half persons as
            // two households of two and one of three in every three.
            mix.put(2, perWeek * 2 / 3);
            mix.put(3, perWeek / 3);
            return mix;
        }
        awaiting.forEach((persons, count) -> mix.put(persons, perWeek * count / total));
        return mix;
    }

    /** Weeks from today to the end of the half-year, the running week included. */
    static int weeksLeft(LocalDate today, HalfYear half) {
        long days = ChronoUnit.DAYS.between(today, half.end()) + 1;
        return (int) Math.min(SimulationInput.MAX_WEEKS, Math.max(0, (days + 6) / 7));
    }

    private double pace(Collection<MunicipalityCode> codes, SortedMap<Integer, Long> awaiting) {
        var linked = linking.largeHouseholdPersonsLinkedSince(today().minusWeeks(PACE_WEEKS), 1);
        long persons = codes.stream().mapToLong(c -> linked.getOrDefault(c, 0L)).sum();
        return pace(persons, awaiting);
    }

    /** Persons linked over the pace weeks as households a week, by the mean size of those awaiting a home. */
    static double pace(long personsLinked, SortedMap<Integer, Long> awaiting) {
        long households = awaiting.values().stream().mapToLong(Long::longValue).sum();
        long persons = awaiting.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
        double meanSize = households == 0 ? 2.5 : (double) persons / households;
        return personsLinked / meanSize / PACE_WEEKS;
    }

    private long[] quota(List<MunicipalityCode> codes, LocalDate today) {
        return quota(progress.at(today), codes);
    }

    /** {corrected quota, housed} of the running half-year over the municipalities; the corrected quota as housed + remaining. */
    static long[] quota(nl.doorstroom.progress.ProgressPicture picture, List<MunicipalityCode> codes) {
        long housed = 0;
        long remaining = 0;
        for (var code : codes) {
            var municipality = picture.municipality(code);
            if (municipality.isPresent()) {
                var current = municipality.get().current();
                housed += current.housed();
                remaining += current.shortfall();
            }
        }
        return new long[] {housed + remaining, housed};
    }

    static SortedMap<Integer, Long> awaiting(Collection<MunicipalityCode> codes,
            Map<MunicipalityCode, Map<Integer, Long>> sizes) {
        var sum = new TreeMap<Integer, Long>();
        for (var code : codes) {
            sizes.getOrDefault(code, Map.of()).forEach((persons, count) -> sum.merge(persons, count, Long::sum));
        }
        return sum;
    }

    List<Municipality> municipalitiesOf(SimulationArea area) {
        switch (area.kind()) {
            case NATION:
                return registry.all();
            case PROVINCE:
                return registry.inProvince(area.province());
            case MUNICIPALITY:
            default:
                return registry.find(area.municipality()).map(List::of)
                        .orElseThrow(() -> new nl.doorstroom.shared.InvalidInput(List.of(
                                nl.doorstroom.shared.InvalidInput.Problem.of("area",
                                        "housingmarket.simulation.area.invalid", area.code()))));
        }
    }

    /** The area's name as shown. */
    public String nameOf(SimulationArea area) {
        return nameOf(area, area.kind() == SimulationArea.Kind.MUNICIPALITY ? municipalitiesOf(area) : List.of());
    }

    private String nameOf(SimulationArea area, List<Municipality> municipalities) {
        switch (area.kind()) {
            case NATION:
                return "Nederland";
            case PROVINCE:
                return registry.province(area.province()).map(p -> p.name()).orElse(area.code());
            case MUNICIPALITY:
            default:
                return municipalities.isEmpty() ? area.code() : municipalities.get(0).name();
        }
    }
}
