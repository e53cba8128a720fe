package nl.doorstroom.reception;

import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.quota.ApportionmentMethod;
import nl.doorstroom.quota.DistributionKey;
import nl.doorstroom.quota.Indicators;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipal reception task under the distribution act (Spreidingswet): the national total with its history,
 * computations of the task per municipality by welfare-corrected population (stored with their inputs, so they
 * can be reproduced), the municipal places and displaced Ukrainians municipalities report, and the picture per
 * municipality on a date. Counts only, no persons.
 */
@Service
public class ReceptionTasks {

    /** Roles that read the tasks: province supervisors their province's rows, municipality officers their own. */
    public static final Set<Role> READERS = Set.of(Role.NATIONAL_COORDINATOR, Role.MINISTRY_ANALYST, Role.COA_PLANNER,
            Role.PROVINCE_SUPERVISOR, Role.MUNICIPALITY_OFFICER);

    /** Roles that set the national total and compute the tasks. */
    public static final Set<Role> SETTERS = Set.of(Role.NATIONAL_COORDINATOR, Role.MINISTRY_ANALYST);

    /** Roles that import the figures municipalities report. */
    public static final Set<Role> IMPORTERS = Set.of(Role.NATIONAL_COORDINATOR, Role.ADMINISTRATOR);

    static final int MAXIMUM_TOTAL = 1_000_000;

    private final TaskCalculations calculations;
    private final ReceptionFigures figures;
    private final MunicipalityRegistry registry;
    private final Populations populations;
    private final Indicators indicators;
    private final AuditTrail audit;

    ReceptionTasks(TaskCalculations calculations, ReceptionFigures figures, MunicipalityRegistry registry,
            Populations populations, Indicators indicators, AuditTrail audit) {
        this.calculations = calculations;
        this.figures = figures;
        this.registry = registry;
        this.populations = populations;
        this.indicators = indicators;
        this.audit = audit;
    }

    public static boolean mayRead() {
        return has(READERS);
    }

    public static boolean maySet() {
        return has(SETTERS);
    }

    public static boolean mayImport() {
        return has(IMPORTERS);
    }

    public static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    // ---- national total ----

    /** Every entered total, the latest effective date first. */
    @Transactional(readOnly = true)
    public List<TaskTotal> totals() {
        require(READERS);
        return calculations.totals();
    }

    /** The total in force on a date: the latest entry dated on or before it, else the act's 96,000. */
    @Transactional(readOnly = true)
    public TaskTotal totalOn(LocalDate date) {
        return calculations.totalOn(date).orElseGet(TaskTotal::statutory);
    }

    /** Enters the national total from a date, with the reason (a change is a new entry; none is overwritten). */
    @Transactional
    public TaskTotal enterTotal(Integer total, LocalDate effectiveDate, String reason) {
        return enterTotal(total, effectiveDate, reason, false);
    }

    /** As {@link #enterTotal}, for the demo: labelled synthetic wherever it shows. */
    @Transactional
    public TaskTotal enterSyntheticTotal(int total, LocalDate effectiveDate, String reason) {
        return enterTotal(total, effectiveDate, reason, true);
    }

    private TaskTotal enterTotal(Integer total, LocalDate effectiveDate, String reason, boolean synthetic) {
        require(SETTERS);
        var problems = new ArrayList<Problem>();
        if (total == null) {
            problems.add(Problem.of("total", "receptionTask.total.required"));
        }
        else if (total < 0 || total > MAXIMUM_TOTAL) {
            problems.add(Problem.of("total", "receptionTask.total.range", MAXIMUM_TOTAL));
        }
        if (effectiveDate == null) {
            problems.add(Problem.of("effectiveDate", "receptionTask.effectiveDate.required"));
        }
        else if (effectiveDate.getYear() < 2000) {
            problems.add(Problem.of("effectiveDate", "receptionTask.date.tooEarly", effectiveDate.toString()));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(Problem.of("reason", "receptionTask.reason.required"));
        }
        else if (reason.strip().length() > 500) {
            problems.add(Problem.of("reason", "receptionTask.reason.tooLong", 500));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = calculations.insertTotal(total, effectiveDate, reason.strip(), synthetic, CurrentUser.actor());
        audit.recordChange("reception-task-total.entered", "reception-task-total", id,
                "total=" + total + " effective=" + effectiveDate);
        return calculations.total(id).orElseThrow();
    }

    // ---- computations ----

    /** Every computation, the latest effective date first. */
    @Transactional(readOnly = true)
    public List<TaskCalculation> calculations() {
        require(READERS);
        return calculations.calculations();
    }

    @Transactional(readOnly = true)
    public Optional<TaskCalculation> calculation(long id) {
        require(READERS);
        return calculations.calculation(id);
    }

    /** The computation in force on a date, if any was made effective by then. */
    @Transactional(readOnly = true)
    public Optional<TaskCalculation> calculationOn(LocalDate date) {
        return calculations.calculationOn(date);
    }

    /**
     * Computes and stores the task of every municipality from a date: the total in force on that date, distributed
     * by population times welfare factor with the quota module's key and method.
     *
     * @param populationVersionId the population version; the latest when null
     * @param welfareVersionId    the version of the quota module's "welfare-factor" indicator; the latest when null
     * @param method              the apportionment; largest remainder (sums exactly to the total) when null
     */
    @Transactional
    public TaskCalculation calculate(LocalDate effectiveDate, Long populationVersionId, Long welfareVersionId,
            ApportionmentMethod method) {
        return calculate(effectiveDate, populationVersionId, welfareVersionId, method, false);
    }

    /** As {@link #calculate}, for the demo: labelled synthetic wherever it shows. */
    @Transactional
    public TaskCalculation calculateSynthetic(LocalDate effectiveDate) {
        return calculate(effectiveDate, null, null, null, true);
    }

    private TaskCalculation calculate(LocalDate effectiveDate, Long populationVersionId, Long welfareVersionId,
            ApportionmentMethod method, boolean synthetic) {
        require(SETTERS);
        var problems = new ArrayList<Problem>();
        if (effectiveDate == null) {
            problems.add(Problem.of("effectiveDate", "receptionTask.effectiveDate.required"));
        }
        else if (effectiveDate.getYear() < 2000) {
            problems.add(Problem.of("effectiveDate", "receptionTask.date.tooEarly", effectiveDate.toString()));
        }
        var population = populationVersionId == null ? Optional.of(populations.latest())
                : populations.version(populationVersionId);
        if (population.isEmpty()) {
            problems.add(Problem.of("populationVersion", "receptionTask.populationVersion.unknown", populationVersionId));
        }
        var welfare = welfareVersionId == null ? indicators.latest(DistributionKey.WELFARE_FACTOR)
                : indicators.version(welfareVersionId).filter(v -> v.indicator().equals(DistributionKey.WELFARE_FACTOR));
        if (welfare.isEmpty()) {
            problems.add(welfareVersionId == null ? Problem.of("welfareVersion", "receptionTask.welfareVersion.none")
                    : Problem.of("welfareVersion", "receptionTask.welfareVersion.unknown", welfareVersionId));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var chosen = method == null ? TaskApportionment.DEFAULT_METHOD : method;
        var total = totalOn(effectiveDate);
        var codes = registry.all().stream().map(Municipality::code).toList();
        var inhabitants = populations.figures(population.get().id());
        var factors = indicators.values(welfare.get().id());
        var tasks = TaskApportionment.apportion(total.total(), chosen, codes, inhabitants, factors);
        var stored = new TreeMap<MunicipalityCode, TaskCalculations.Task>();
        long allocated = 0;
        for (var entry : tasks.entrySet()) {
            var code = entry.getKey();
            stored.put(code, new TaskCalculations.Task(code, inhabitants.get(code), factors.get(code), entry.getValue()));
            allocated += entry.getValue();
        }
        var calculation = new TaskCalculation(0, total.id(), total.total(), allocated,
                DistributionKey.welfareCorrectedPopulation().code(), chosen, population.get().id(), welfare.get().id(),
                effectiveDate, synthetic, CurrentUser.actor(), null);
        long id = calculations.insertCalculation(calculation, CurrentUser.actor(), stored);
        audit.recordChange("reception-task.calculated", "reception-task-calculation", id, "total=" + total.total()
                + " allocated=" + allocated + " method=" + chosen.name() + " populationVersion="
                + population.get().id() + " welfareVersion=" + welfare.get().id() + " effective=" + effectiveDate);
        return calculations.calculation(id).orElseThrow();
    }

    // ---- the picture ----

    /**
     * The picture of every municipality on a date: its task in the computation in force, municipal places and
     * displaced Ukrainians as last reported on or before the date. Empty when no computation is in force. Figures
     * only, so open to every module; pages and the API narrow it to the reader's scope ({@link #tasks}).
     */
    @Transactional(readOnly = true)
    public Map<MunicipalityCode, TaskPicture> picture(LocalDate date) {
        var calculation = calculations.calculationOn(date);
        if (calculation.isEmpty()) {
            return Map.of();
        }
        var places = figures.inForce(FigureKind.MUNICIPAL_PLACES, date);
        var ukrainians = figures.inForce(FigureKind.UKRAINIANS, date);
        var picture = new TreeMap<MunicipalityCode, TaskPicture>();
        for (var task : calculations.tasks(calculation.get().id()).values()) {
            var code = task.municipality();
            var provided = places.get(code);
            var persons = ukrainians.get(code);
            Long placesValue = provided == null ? null : provided.value();
            picture.put(code, new TaskPicture(code, task.task(), task.population(), task.welfareFactor(),
                    TaskApportionment.perThousand(task.task(), task.population()), placesValue,
                    provided == null ? null : provided.referenceDate(),
                    TaskApportionment.shareProvided(placesValue, task.task()), persons == null ? null : persons.value(),
                    persons == null ? null : persons.referenceDate()));
        }
        return picture;
    }

    /** The picture of the municipalities the reader sees (all, a province's, or their own), optionally of one province. */
    @Transactional(readOnly = true)
    public List<TaskPicture> tasks(LocalDate date, ProvinceCode province) {
        var visible = visible();
        var inProvince = province == null ? null : registry.inProvince(province).stream().map(Municipality::code)
                .collect(java.util.stream.Collectors.toSet());
        return picture(date).values().stream().filter(p -> visible.test(p.code()))
                .filter(p -> inProvince == null || inProvince.contains(p.code()))
                .sorted(Comparator.comparing(p -> p.code().value())).toList();
    }

    // ---- reported figures ----

    /**
     * Imports a CSV of reported figures (columns municipality, {@link FigureKind#column()} and reference_date) as a
     * new version. All or nothing: any bad row refuses the file with every problem by row and column.
     */
    @Transactional
    public FigureImport importFigures(FigureKind kind, Reader csv, String label) {
        require(IMPORTERS);
        var rows = ReceptionFigureFile.read(csv, kind, registry::exists, today());
        return store(kind, rows, label, false);
    }

    /** Stores synthetic figures for the demo, labelled as such, all with one reference date. */
    @Transactional
    public FigureImport recordSynthetic(FigureKind kind, Map<MunicipalityCode, Long> values, LocalDate referenceDate,
            String label) {
        require(IMPORTERS);
        var rows = new TreeMap<>(values).entrySet().stream()
                .map(e -> new ReceptionFigureFile.Figure(e.getKey(), referenceDate, e.getValue())).toList();
        return store(kind, rows, label, true);
    }

    private FigureImport store(FigureKind kind, List<ReceptionFigureFile.Figure> rows, String label, boolean synthetic) {
        var name = label == null || label.isBlank() ? kind.column() + " " + today() : label.strip();
        if (name.length() > 200) {
            throw InvalidInput.of("label", "receptionFigures.label.tooLong", 200);
        }
        long id = figures.insert(kind, name, synthetic, CurrentUser.actor(), rows);
        audit.recordChange("reception-figures.imported", "reception-figure-import", id,
                "kind=" + kind.name() + " rows=" + rows.size());
        return figures.find(id);
    }

    /** The imports of one kind, newest first. */
    @Transactional(readOnly = true)
    public List<FigureImport> imports(FigureKind kind) {
        if (!mayRead() && !mayImport()) {
            throw new AccessDeniedException("This role sees no reception figures");
        }
        return figures.imports(kind);
    }

    /** Whether any figures of the kind were ever imported (the demo loads once). */
    @Transactional(readOnly = true)
    public boolean anyImported(FigureKind kind) {
        return figures.any(kind);
    }

    /** The municipalities the reader sees, by name: for the province filter and the scope note. */
    public List<Municipality> municipalitiesInScope() {
        var visible = visible();
        return registry.all().stream().filter(m -> visible.test(m.code())).toList();
    }

    /** The welfare versions a computation can use (the quota module's "welfare-factor" indicator), newest first. */
    public List<nl.doorstroom.quota.IndicatorVersion> welfareVersions() {
        return indicators.versions().stream().filter(v -> v.indicator().equals(DistributionKey.WELFARE_FACTOR)).toList();
    }

    private Predicate<MunicipalityCode> visible() {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!READERS.contains(user.role())) {
            throw new AccessDeniedException("This role reads no reception tasks");
        }
        var scope = user.scope();
        return switch (scope.kind()) {
            case NATION -> code -> true;
            case PROVINCE -> {
                var codes = registry.inProvince(scope.province()).stream().map(Municipality::code)
                        .collect(java.util.stream.Collectors.toSet());
                yield codes::contains;
            }
            case MUNICIPALITY, ORGANISATION -> scope.municipalities()::contains;
        };
    }

    private static boolean has(Set<Role> roles) {
        return CurrentUser.get().map(u -> roles.contains(u.role())).orElse(false);
    }

    private static void require(Set<Role> roles) {
        if (!has(roles)) {
            throw new AccessDeniedException("This role may not do this with reception tasks");
        }
    }
}
