package nl.doorstroom.reception;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * COA's reception locations and their occupancy: register and change locations (refused when someone else
 * changed them first), record emergency measures, import COA's daily or weekly figures (all or nothing; a
 * re-imported day replaces the earlier figures), keep the norm for the central registration centre, and read
 * the national picture week by week. Who may do what: {@link Receptions}. Every change goes to the audit trail
 * in the same transaction.
 */
@Service
public class ReceptionLocations {

    /** How many imports the history shows. */
    static final int IMPORT_HISTORY = 50;

    private static final String SUBJECT = "reception-location";

    private final Locations locations;
    private final OccupancyFigures figures;
    private final MunicipalityRegistry registry;
    private final AuditTrail audit;

    ReceptionLocations(Locations locations, OccupancyFigures figures, MunicipalityRegistry registry, AuditTrail audit) {
        this.locations = locations;
        this.figures = figures;
        this.registry = registry;
        this.audit = audit;
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    /** Registers a location; refused with every problem, or when another location has the code. */
    @Transactional
    public long register(LocationForm form) {
        return register(form, false);
    }

    /** Registers a location made up by the demo scenario: stored as synthetic, never mistaken for COA's data. */
    @Transactional
    public long registerSynthetic(LocationForm form) {
        return register(form, true);
    }

    private long register(LocationForm form, boolean synthetic) {
        Receptions.require(Receptions.PLANNERS, "Only COA planners register reception locations");
        check(form, null);
        long id;
        try {
            id = locations.insert(form, synthetic, CurrentUser.actor());
        }
        catch (DuplicateKeyException e) {
            throw InvalidInput.of(LocationForm.CODE, "reception.code.taken", form.code());
        }
        audit.recordChange("reception-location.registered", SUBJECT, id, facts(form));
        return id;
    }

    /** Replaces a location's facts, refused with {@link EditConflict} when it changed since {@code version}. */
    @Transactional
    public void change(long id, int version, LocationForm form) {
        Receptions.require(Receptions.PLANNERS, "Only COA planners change reception locations");
        var current = locations.find(id, true, this::provinceOf).orElseThrow(() -> new LocationNotFound(id));
        if (current.version() != version) {
            throw new EditConflict(SUBJECT + " " + id);
        }
        check(form, id);
        try {
            locations.change(id, version, form, CurrentUser.actor());
        }
        catch (DuplicateKeyException e) {
            throw InvalidInput.of(LocationForm.CODE, "reception.code.taken", form.code());
        }
        audit.recordChange("reception-location.changed", SUBJECT, id, facts(form));
    }

    /** A location, if it lies in the reader's scope. */
    @Transactional(readOnly = true)
    public Optional<ReceptionLocation> location(long id) {
        var visible = visible();
        return locations.find(id, false, this::provinceOf)
                .filter(l -> visible == null || visible.contains(l.municipality()));
    }

    /** The locations in the reader's scope, optionally of one province and of some kinds (none: every kind). */
    @Transactional(readOnly = true)
    public List<ReceptionLocation> search(ProvinceCode province, Set<LocationKind> kinds) {
        var visible = visible();
        var clauses = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        clauses.add("TRUE");
        if (visible != null) {
            clauses.add("municipality_code IN (:visible)");
            params.put("visible", visible.isEmpty() ? List.of("") : visible.stream().map(MunicipalityCode::value).toList());
        }
        if (province != null) {
            var codes = registry.inProvince(province).stream().map(m -> m.code().value()).toList();
            clauses.add("municipality_code IN (:province)");
            params.put("province", codes.isEmpty() ? List.of("") : codes);
        }
        if (kinds != null && !kinds.isEmpty()) {
            clauses.add("kind IN (:kinds)");
            params.put("kinds", kinds.stream().map(Enum::name).toList());
        }
        return locations.where(String.join(" AND ", clauses), params, this::provinceOf);
    }

    /** The latest figures of each of these locations on or before a day (locations without figures are left out). */
    @Transactional(readOnly = true)
    public Map<Long, Occupancy> latestOccupancy(LocalDate onOrBefore) {
        Receptions.require(Receptions.READERS, "This role does not see reception");
        return figures.latest(onOrBefore);
    }

    /** A location's figures between two days, oldest first; {@link LocationNotFound} outside the reader's scope. */
    @Transactional(readOnly = true)
    public List<Occupancy> occupancy(long id, LocalDate from, LocalDate to) {
        location(id).orElseThrow(() -> new LocationNotFound(id));
        return figures.of(id, from, to);
    }

    /** Records an emergency measure at a location, such as the IND waiting room used as a dormitory. */
    @Transactional
    public long recordMeasure(long locationId, MeasureForm form) {
        Receptions.require(Receptions.PLANNERS, "Only COA planners record emergency measures");
        location(locationId).orElseThrow(() -> new LocationNotFound(locationId));
        var problems = form.problems(List.of());
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = locations.insertMeasure(locationId, form, CurrentUser.actor());
        audit.recordChange("reception-location.measure-recorded", SUBJECT, locationId, "kind=" + form.kind().name()
                + " from=" + form.startsOn() + " until=" + form.endsOn() + " places=" + form.places());
        return id;
    }

    /** The emergency measures of a location, latest first. */
    @Transactional(readOnly = true)
    public List<EmergencyMeasure> measures(long locationId) {
        location(locationId).orElseThrow(() -> new LocationNotFound(locationId));
        return locations.measures(List.of(locationId));
    }

    /** The emergency measures of every location in the reader's scope in force on a day. */
    @Transactional(readOnly = true)
    public List<EmergencyMeasure> measuresInForce(LocalDate day) {
        var ids = search(null, Set.of()).stream().map(ReceptionLocation::id).toList();
        return locations.measures(ids).stream().filter(m -> m.inForceOn(day)).toList();
    }

    /**
     * Imports COA's figures (CSV or Excel: location, date, in_procedure, permit_holders, other). All or nothing:
     * a file with any bad row is refused whole with every problem by row and column. A location's day that
     * already has figures is replaced by the file's. Returns the import as it enters the history.
     */
    @Transactional
    public OccupancyImport importFile(InputStream file) {
        Receptions.require(Receptions.PLANNERS, "Only COA planners import occupancy");
        var codes = new HashMap<String, ReceptionLocation>();
        locations.where("TRUE", Map.of(), m -> null).forEach(l -> codes.put(l.code(), l));
        var entries = OccupancyFile.read(file, code -> Optional.ofNullable(codes.get(code)), today());
        int replaced = figures.stored(entries);
        var first = entries.stream().map(e -> e.occupancy().date()).min(Comparator.naturalOrder()).orElse(null);
        var last = entries.stream().map(e -> e.occupancy().date()).max(Comparator.naturalOrder()).orElse(null);
        long id = figures.recordImport(entries.size(), replaced, first, last, CurrentUser.actor());
        figures.upsert(entries, id);
        audit.recordChange("reception-occupancy.imported", "occupancy-import", id, "rows=" + entries.size()
                + " replaced=" + replaced + " from=" + first + " to=" + last);
        return figures.imports(1).get(0);
    }

    /** The latest imports, newest first. */
    @Transactional(readOnly = true)
    public List<OccupancyImport> imports() {
        Receptions.require(Receptions.READERS, "This role does not see reception");
        return figures.imports(IMPORT_HISTORY);
    }

    /** The norm for the central registration centre now in force (2,000 unless a national coordinator changed it). */
    @Transactional(readOnly = true)
    public ReceptionNorm terApelNorm() {
        return figures.norms().get(0);
    }

    /** Every version of the norm, newest first. */
    @Transactional(readOnly = true)
    public List<ReceptionNorm> normHistory() {
        return figures.norms();
    }

    /** Sets a new norm from a day, as the next version; {@link EditConflict} when {@code version} is not the latest. */
    @Transactional
    public ReceptionNorm setTerApelNorm(int version, Integer persons, LocalDate validFrom) {
        Receptions.require(Receptions.NORM_KEEPERS, "Only national coordinators set the norm");
        var problems = new ArrayList<Problem>();
        if (persons == null) {
            problems.add(Problem.of("norm", "reception.norm.missing"));
        }
        else if (persons < 1 || persons > 100_000) {
            problems.add(Problem.of("norm", "reception.norm.outside", persons));
        }
        if (validFrom == null) {
            problems.add(Problem.of("validFrom", "reception.norm.validFrom.missing"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (!figures.addNorm(version, persons, validFrom, CurrentUser.actor())) {
            throw new EditConflict("reception-norm");
        }
        audit.recordChange("reception-norm.set", "reception-norm", version + 1, "persons=" + persons + " from=" + validFrom);
        return terApelNorm();
    }

    /**
     * The national reception picture per week (Monday to Sunday) from the week of {@code from} to that of
     * {@code to}, oldest first: each location's last figures in the week summed by group, the capacity of the
     * locations open on the week's last day, the central registration centre(s) and the pre-registration places.
     * Counts only, no personal data: open to every module (forecasting, the whole picture) and every role.
     */
    @Transactional(readOnly = true)
    public List<WeeklyReception> nationalSeries(LocalDate from, LocalDate to) {
        var start = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var all = locations.where("TRUE", Map.of(), m -> null);
        var kinds = new HashMap<Long, LocationKind>();
        all.forEach(l -> kinds.put(l.id(), l.kind()));
        var weeks = new TreeMap<LocalDate, int[]>();
        for (var week = start; !week.isAfter(to); week = week.plusWeeks(1)) {
            var end = week.plusDays(6);
            int regular = 0, emergency = 0;
            for (var l : all) {
                if (l.openOn(end)) {
                    regular += l.regularCapacity();
                    emergency += l.emergencyCapacity();
                }
            }
            weeks.put(week, new int[] { 0, 0, 0, regular, emergency, 0, 0, 0 });
        }
        for (var figure : figures.weekly(start, to)) {
            var sums = weeks.get(figure.week());
            if (sums == null) {
                continue;
            }
            var o = figure.occupancy();
            sums[0] += o.inProcedure();
            sums[1] += o.permitHolders();
            sums[2] += o.other();
            var kind = kinds.get(figure.locationId());
            if (kind == LocationKind.CENTRAL_REGISTRATION) {
                sums[5] += o.total();
            }
            else if (kind == LocationKind.PRE_REGISTRATION) {
                sums[6] += o.total();
            }
            sums[7]++;
        }
        return weeks.entrySet().stream().map(e -> {
            var s = e.getValue();
            return new WeeklyReception(e.getKey(), s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
        }).toList();
    }

    /**
     * The places at COA locations open on a day, per municipality that has any. Counts only: open to every
     * module and every role.
     */
    @Transactional(readOnly = true)
    public Map<MunicipalityCode, MunicipalCapacity> capacityByMunicipality(LocalDate date) {
        var capacity = new TreeMap<MunicipalityCode, MunicipalCapacity>(Comparator.comparing(MunicipalityCode::value));
        for (var l : locations.where("TRUE", Map.of(), m -> null)) {
            if (!l.openOn(date)) {
                continue;
            }
            var before = capacity.getOrDefault(l.municipality(), new MunicipalCapacity(l.municipality(), 0, 0, 0));
            capacity.put(l.municipality(), new MunicipalCapacity(l.municipality(), before.locations() + 1,
                    before.regularCapacity() + l.regularCapacity(), before.emergencyCapacity() + l.emergencyCapacity()));
        }
        return capacity;
    }

    /** Whether any location is registered (the demo scenario loads only into an empty register). */
    @Transactional(readOnly = true)
    public boolean anyLocation() {
        return locations.any();
    }

    /** The municipalities the reader sees locations in, by name. */
    public List<Municipality> municipalitiesInScope() {
        var visible = visible();
        return registry.all().stream().filter(m -> visible == null || visible.contains(m.code())).toList();
    }

    private List<MunicipalityCode> visible() {
        var user = Receptions.require(Receptions.READERS, "This role does not see reception locations");
        return Receptions.visible(user, registry);
    }

    private void check(LocationForm form, Long self) {
        var problems = new ArrayList<>(form.problems(registry::exists, List.of()));
        if (form.code() != null) {
            var other = locations.idOf(form.code());
            if (other.isPresent() && !other.get().equals(self)) {
                problems.add(Problem.of(LocationForm.CODE, "reception.code.taken", form.code()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private ProvinceCode provinceOf(MunicipalityCode municipality) {
        return registry.find(municipality).map(Municipality::province).orElse(null);
    }

    private static String facts(LocationForm form) {
        return "code=" + form.code() + " municipality=" + form.municipality().value() + " kind=" + form.kind().name()
                + " regular=" + form.regularCapacity() + " emergency=" + form.emergencyCapacity();
    }
}
