package nl.doorstroom.housingmarket;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import nl.doorstroom.housingmarket.MarketReaders.Visibility;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The housing corporations and their social-rental figures per municipality and year: register corporations, read
 * the market of an area, change one row (refused when someone else changed it first), and import a corporation's
 * year (CSV or Excel, all or nothing). Every read is narrowed to the reader's scope here, not only on the pages:
 * a corporation sees only its own rows, a province supervisor its province's municipalities, a municipality officer
 * its own ({@link MarketReaders}). Every change and import goes to the audit trail in the same transaction.
 */
@Service
public class HousingStocks {

    /** The earliest year a corporation reports; older figures say nothing about today's market. */
    public static final int FIRST_YEAR = 2000;

    private static final String SUBJECT = "market-figure";
    private static final int IMPORT_HISTORY = 20;

    private final MarketStore store;
    private final MunicipalityRegistry registry;
    private final AuditTrail audit;

    HousingStocks(MarketStore store, MunicipalityRegistry registry, AuditTrail audit) {
        this.store = store;
        this.registry = registry;
        this.audit = audit;
    }

    /** The latest year a corporation may report figures for: next year (planned allocations are reported ahead). */
    public static int lastYear() {
        return LocalDate.now(AuditTrail.ZONE).getYear() + 1;
    }

    // ----- reading

    /**
     * The market of an area in a year, summed over corporations and municipalities (see {@link MarketFigures}): the
     * allocation share weighted by vacancies, the median wait the seeker-weighted mean of the reported medians, new
     * seekers null if nobody reported them, and {@code withoutFigures} the municipalities of the area without any
     * row that year. A corporation user's sum holds only its own rows; any other reader must cover every
     * municipality of the area, else {@link AccessDeniedException}.
     */
    @Transactional(readOnly = true)
    public MarketFigures figuresFor(Collection<MunicipalityCode> area, int year) {
        var visibility = requireArea(area);
        return MarketSums.sum(year, area, rows(visibility, year, area));
    }

    /** The market of each municipality of the area in the year, including those without figures (all zero). */
    @Transactional(readOnly = true)
    public Map<MunicipalityCode, MarketFigures> figuresByMunicipality(Collection<MunicipalityCode> area, int year) {
        var visibility = requireArea(area);
        var byMunicipality = rows(visibility, year, area).stream()
                .collect(Collectors.groupingBy(MunicipalFigures::municipality, TreeMap::new, Collectors.toList()));
        var result = new TreeMap<MunicipalityCode, MarketFigures>();
        for (var municipality : new TreeSet<>(area)) {
            result.put(municipality, MarketSums.sum(year, Set.of(municipality),
                    byMunicipality.getOrDefault(municipality, List.of())));
        }
        return result;
    }

    /** The latest year with figures the reader sees. */
    @Transactional(readOnly = true)
    public Optional<Integer> latestYear() {
        return years().stream().findFirst();
    }

    /** The years with figures the reader sees, latest first. */
    @Transactional(readOnly = true)
    public List<Integer> years() {
        var visibility = visibility(MarketReaders.requireReader());
        if (visibility.corporation().isPresent()) {
            var own = store.corporationNamed(visibility.corporation().get());
            return own.map(c -> store.years(c.id())).orElse(List.of());
        }
        return store.years(null);
    }

    /** The municipalities whose figures the reader sees; empty for every municipality. */
    @Transactional(readOnly = true)
    public Optional<Set<MunicipalityCode>> readableMunicipalities() {
        return visibility(MarketReaders.requireReader()).municipalities();
    }

    /** The corporations the reader sees: every one, except that a corporation sees only itself. */
    @Transactional(readOnly = true)
    public List<HousingCorporation> corporations() {
        var visibility = visibility(MarketReaders.requireReader());
        return store.corporations().stream().filter(c -> visibility.covers(c.name())).toList();
    }

    /** A corporation, if the reader sees it. */
    @Transactional(readOnly = true)
    public Optional<HousingCorporation> corporation(long id) {
        var visibility = visibility(MarketReaders.requireReader());
        return store.corporation(id).filter(c -> visibility.covers(c.name()));
    }

    /** A corporation's rows of a year (every year when null) that the reader sees, by municipality. */
    @Transactional(readOnly = true)
    public List<MunicipalFigures> figuresOf(long corporationId, Integer year) {
        var visibility = visibility(MarketReaders.requireReader());
        var corporation = corporation(corporationId).orElseThrow(() -> new MarketNotFound("corporation " + corporationId));
        return store.figures(year, visibility.municipalities().orElse(null), corporation.id()).stream()
                .sorted(java.util.Comparator.comparing(MunicipalFigures::municipality)).toList();
    }

    /** One row, if stored and the reader sees it. */
    @Transactional(readOnly = true)
    public Optional<MunicipalFigures> figure(long corporationId, MunicipalityCode municipality, int year) {
        var visibility = visibility(MarketReaders.requireReader());
        return store.figure(corporationId, municipality, year)
                .filter(f -> visibility.covers(f.municipality()) && visibility.covers(f.corporationName()));
    }

    /** The latest imports of a corporation, newest first. */
    @Transactional(readOnly = true)
    public List<MarketImport> imports(long corporationId) {
        corporation(corporationId).orElseThrow(() -> new MarketNotFound("corporation " + corporationId));
        return store.imports(corporationId, IMPORT_HISTORY);
    }

    /** Whether any corporation is registered (the demo loads only into an empty register). */
    @Transactional(readOnly = true)
    public boolean anyCorporation() {
        return !store.corporations().isEmpty();
    }

    /**
     * Rows already read added up as one market (the municipalities of the rows), the same way {@link #figuresFor}
     * adds them: for a corporation's own total on its page.
     */
    public static MarketFigures sum(int year, List<MunicipalFigures> rows) {
        return MarketSums.sum(year, rows.stream().map(MunicipalFigures::municipality).collect(Collectors.toSet()), rows);
    }

    /** The columns of an import file, in the order of the template; the last is optional. */
    public static List<String> importColumns() {
        return MarketFile.COLUMNS;
    }

    /** The template's header line (semicolons), as the import page shows it. */
    public static String importHeader() {
        return MarketFile.header();
    }

    // ----- changing

    /** Registers a corporation (national coordinators and administrators); refused when the name or code is taken. */
    @Transactional
    public long registerCorporation(String name, String code) {
        return register(name, code, false);
    }

    /** Registers a corporation made up for the demo, stored as synthetic. */
    @Transactional
    public long registerSyntheticCorporation(String name, String code) {
        return register(name, code, true);
    }

    private long register(String name, String code, boolean synthetic) {
        MarketReaders.requireKeeper();
        var cleanName = name == null ? "" : name.strip();
        var cleanCode = code == null || code.isBlank() ? null : code.strip();
        var problems = new ArrayList<Problem>();
        if (cleanName.isEmpty()) {
            problems.add(Problem.of("name", "housingmarket.corporation.name.missing"));
        }
        else if (cleanName.length() > 200) {
            problems.add(Problem.of("name", "housingmarket.corporation.name.tooLong", 200));
        }
        if (cleanCode != null && cleanCode.length() > 20) {
            problems.add(Problem.of("code", "housingmarket.corporation.code.tooLong", 20));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id;
        try {
            id = store.insertCorporation(cleanName, cleanCode, synthetic, CurrentUser.actor());
        }
        catch (DuplicateKeyException e) {
            throw InvalidInput.of("name", "housingmarket.corporation.taken", cleanName);
        }
        audit.recordChange("housing-corporation.registered", "housing-corporation", id,
                "code=" + cleanCode + " synthetic=" + synthetic);
        return id;
    }

    /**
     * Changes (or first enters) one corporation's figures for one municipality and year. {@code version} is the
     * version read (0 for a row not yet stored); when the row changed since, {@link EditConflict}. Refused with every
     * problem by field, and with {@link AccessDeniedException} for a corporation user outside its own corporation or
     * the municipalities its scope serves.
     */
    @Transactional
    public MunicipalFigures change(long corporationId, MunicipalityCode municipality, int year, int version,
            FiguresForm form) {
        var user = MarketReaders.requireReader();
        var corporation = store.corporation(corporationId)
                .filter(c -> visibility(user).covers(c.name()))
                .orElseThrow(() -> new MarketNotFound("corporation " + corporationId));
        if (!MarketReaders.mayChange(user, corporation.name(), municipality)) {
            throw new AccessDeniedException("Only the corporation itself, for the municipalities it serves, or a national "
                    + "coordinator changes these figures");
        }
        var problems = new ArrayList<Problem>();
        if (!registry.exists(municipality)) {
            problems.add(Problem.of("municipality", "housingmarket.municipality.unknown", municipality.value()));
        }
        yearProblem(year, 0, "year").ifPresent(problems::add);
        problems.addAll(form.problems());
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var stored = store.figure(corporationId, municipality, year);
        if (stored.isEmpty()) {
            if (version != 0) {
                throw new EditConflict(SUBJECT + " " + corporationId + "/" + municipality.value() + "/" + year);
            }
            try {
                store.insertFigure(corporationId, municipality, year, form, false, CurrentUser.actor());
            }
            catch (DuplicateKeyException e) {
                throw new EditConflict(SUBJECT + " " + corporationId + "/" + municipality.value() + "/" + year);
            }
        }
        else if (stored.get().version() != version
                || !store.updateFigure(corporationId, municipality, year, version, form, CurrentUser.actor())) {
            throw new EditConflict(SUBJECT + " " + corporationId + "/" + municipality.value() + "/" + year);
        }
        audit.recordChange(stored.isEmpty() ? "market-figure.entered" : "market-figure.changed", SUBJECT,
                corporationId + "/" + municipality.value() + "/" + year, facts(form));
        return store.figure(corporationId, municipality, year).orElseThrow();
    }

    /**
     * Imports a corporation's figures of a year from CSV or Excel, one row per municipality (columns:
     * {@link MarketFile}). All or nothing: any bad row refuses the whole file with every problem by row and column.
     * The corporation's rows of that year for the file's municipalities are replaced; the import says how many.
     */
    @Transactional
    public MarketImport importFile(long corporationId, int year, InputStream file) {
        return importFile(corporationId, year, file, false);
    }

    /** Imports figures made up for the demo, stored as synthetic (national coordinators and administrators only). */
    @Transactional
    public MarketImport importSynthetic(long corporationId, int year, InputStream file) {
        MarketReaders.requireKeeper();
        return importFile(corporationId, year, file, true);
    }

    private MarketImport importFile(long corporationId, int year, InputStream file, boolean synthetic) {
        var user = MarketReaders.requireReader();
        var corporation = store.corporation(corporationId)
                .filter(c -> visibility(user).covers(c.name()))
                .orElseThrow(() -> new MarketNotFound("corporation " + corporationId));
        if (!MarketReaders.mayChangeSome(corporation.name())) {
            throw new AccessDeniedException("Only the corporation itself or a national coordinator imports its figures");
        }
        var yearProblem = yearProblem(year, 0, "year");
        if (yearProblem.isPresent()) {
            throw new InvalidInput(List.of(yearProblem.get()));
        }
        var rows = MarketFile.read(file, code -> registry.exists(code),
                code -> MarketReaders.mayChange(user, corporation.name(), code));
        int replaced = store.stored(corporationId, year, rows.keySet());
        long id = store.recordImport(corporationId, year, rows.size(), replaced, synthetic, CurrentUser.actor());
        store.upsert(corporationId, year, rows, synthetic, CurrentUser.actor(), id);
        audit.recordChange("market-figure.imported", "market-figure-import", id, "corporation=" + corporationId
                + " year=" + year + " rows=" + rows.size() + " replaced=" + replaced + " synthetic=" + synthetic);
        return store.imports(corporationId, 1).get(0);
    }

    // ----- helpers

    static Optional<Problem> yearProblem(int year, int row, String field) {
        if (year < FIRST_YEAR || year > lastYear()) {
            return Optional.of(row > 0 ? Problem.atRow(row, field, "housingmarket.year.outside", year, FIRST_YEAR, lastYear())
                    : Problem.of(field, "housingmarket.year.outside", year, FIRST_YEAR, lastYear()));
        }
        return Optional.empty();
    }

    private List<MunicipalFigures> rows(Visibility visibility, int year, Collection<MunicipalityCode> area) {
        Long corporationId = null;
        if (visibility.corporation().isPresent()) {
            var own = store.corporationNamed(visibility.corporation().get());
            if (own.isEmpty()) {
                return List.of();
            }
            corporationId = own.get().id();
        }
        return store.figures(year, area, corporationId);
    }

    private Visibility requireArea(Collection<MunicipalityCode> area) {
        var visibility = visibility(MarketReaders.requireReader());
        if (visibility.municipalities().isPresent() && !visibility.municipalities().get().containsAll(area)) {
            throw new AccessDeniedException("The area lies partly outside the reader's scope");
        }
        return visibility;
    }

    private Visibility visibility(DoorstroomUser user) {
        return MarketReaders.visibility(user, this::municipalitiesOf);
    }

    private Set<MunicipalityCode> municipalitiesOf(ProvinceCode province) {
        return registry.inProvince(province).stream().map(Municipality::code).collect(Collectors.toSet());
    }

    private static String facts(FiguresForm form) {
        return "homes=" + form.homes() + " vacancies=" + form.vacancies() + " allocated=" + form.allocated()
                + " seekers=" + form.activeSeekers() + " wait=" + form.medianWaitMonths() + " new="
                + form.newSeekersPerYear();
    }

}
