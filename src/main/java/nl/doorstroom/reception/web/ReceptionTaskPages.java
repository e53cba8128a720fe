package nl.doorstroom.reception.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.doorstroom.documents.Table;
import nl.doorstroom.documents.TableExport;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.quota.ApportionmentMethod;
import nl.doorstroom.reception.FigureKind;
import nl.doorstroom.reception.ReceptionTasks;
import nl.doorstroom.reception.TaskPicture;
import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.Notice;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reception task of each municipality under the distribution act, as people read it (with places provided and
 * displaced Ukrainians beside it), the national total and the computations, and the imports of reported figures.
 */
@Controller
class ReceptionTaskPages {

    /** A municipality's row in the table. */
    record Row(String code, String name, long population, BigDecimal welfareFactor, long task,
            BigDecimal placesPerThousand, Long municipalPlaces, LocalDate municipalPlacesDate, BigDecimal sharePercent,
            Long ukrainians, LocalDate ukrainiansDate) {
    }

    /** The rows of one province, with their sums. */
    record Section(String name, List<Row> rows, long task, long municipalPlaces, long ukrainians) {
    }

    /** A form as typed: kept after a refusal. */
    record TotalInput(String total, String effectiveDate, String reason) {
    }

    record CalculationInput(String effectiveDate, String populationVersion, String welfareVersion, String method) {
    }

    private final ReceptionTasks tasks;
    private final MunicipalityRegistry registry;
    private final Populations populations;
    private final MessageSource messages;

    ReceptionTaskPages(ReceptionTasks tasks, MunicipalityRegistry registry, Populations populations,
            MessageSource messages) {
        this.tasks = tasks;
        this.registry = registry;
        this.populations = populations;
        this.messages = messages;
    }

    @GetMapping("/reception/tasks")
    String list(@RequestParam(required = false) String date, @RequestParam(required = false) String province,
            Model model) {
        var problems = new ArrayList<Problem>();
        var on = date(date, problems);
        var chosen = province(province, problems);
        var rows = tasks.tasks(on, chosen).stream().map(this::row).toList();
        var byProvince = new LinkedHashMap<String, List<Row>>();
        rows.stream().sorted(Comparator.comparing(this::provinceName).thenComparing(Row::name))
                .forEach(r -> byProvince.computeIfAbsent(provinceName(r), k -> new ArrayList<>()).add(r));
        var sections = byProvince.entrySet().stream().map(e -> new Section(e.getKey(), e.getValue(),
                e.getValue().stream().mapToLong(Row::task).sum(),
                e.getValue().stream().mapToLong(r -> r.municipalPlaces() == null ? 0 : r.municipalPlaces()).sum(),
                e.getValue().stream().mapToLong(r -> r.ukrainians() == null ? 0 : r.ukrainians()).sum())).toList();
        var inScope = tasks.municipalitiesInScope();
        model.addAttribute("problems", problems);
        model.addAttribute("date", on);
        model.addAttribute("province", chosen == null ? "" : chosen.value());
        model.addAttribute("provinces", registry.provinces().stream()
                .filter(p -> inScope.stream().anyMatch(m -> m.province().equals(p.code()))).toList());
        model.addAttribute("total", tasks.totalOn(on));
        model.addAttribute("calculation", tasks.calculationOn(on).orElse(null));
        model.addAttribute("sections", sections);
        model.addAttribute("rows", rows.size());
        model.addAttribute("maySet", ReceptionTasks.maySet());
        model.addAttribute("mayImport", ReceptionTasks.mayImport());
        return "reception/tasks/list";
    }

    @GetMapping("/reception/tasks/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String date,
            @RequestParam(required = false) String province, @RequestParam String format, Locale locale) {
        var problems = new ArrayList<Problem>();
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            problems.add(Problem.of("format", "receptionTask.export.format", format));
        }
        var on = date(date, problems);
        var chosen = province(province, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var rows = tasks.tasks(on, chosen).stream().map(this::row).toList();
        return TableExport.download(table(rows, on, locale), format, "opvangtaak-" + on);
    }

    // ---- national total ----

    @GetMapping("/reception/tasks/totals")
    String totals(Model model) {
        return totals(model, new TotalInput("", ReceptionTasks.today().toString(), ""), List.of());
    }

    @PostMapping("/reception/tasks/totals")
    String enterTotal(@RequestParam(required = false) String total, @RequestParam(required = false) String effectiveDate,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        var typed = new TotalInput(total, effectiveDate, reason);
        try {
            var input = new FormInput();
            var number = input.integer("total", total);
            var date = input.date("effectiveDate", effectiveDate);
            input.check();
            var entered = tasks.enterTotal(number, date, reason);
            redirect.addFlashAttribute("notice", Notice.of("receptionTask.total.entered", entered.total(),
                    entered.effectiveDate().toString()));
            return "redirect:/reception/tasks/totals";
        }
        catch (InvalidInput e) {
            return totals(model, typed, e.problems());
        }
    }

    private String totals(Model model, TotalInput input, List<Problem> problems) {
        model.addAttribute("history", tasks.totals());
        model.addAttribute("inForce", tasks.totalOn(ReceptionTasks.today()));
        model.addAttribute("input", input);
        model.addAttribute("problems", problems);
        model.addAttribute("errors", new FieldProblems(problems));
        model.addAttribute("maySet", ReceptionTasks.maySet());
        return "reception/tasks/totals";
    }

    // ---- computations ----

    @GetMapping("/reception/tasks/calculations")
    String calculations(Model model) {
        return calculations(model, new CalculationInput(ReceptionTasks.today().toString(), "", "", ""), List.of());
    }

    @PostMapping("/reception/tasks/calculations")
    String calculate(@RequestParam(required = false) String effectiveDate,
            @RequestParam(required = false) String populationVersion,
            @RequestParam(required = false) String welfareVersion, @RequestParam(required = false) String method,
            Model model, RedirectAttributes redirect) {
        var typed = new CalculationInput(effectiveDate, populationVersion, welfareVersion, method);
        try {
            var input = new FormInput();
            var date = input.date("effectiveDate", effectiveDate);
            var population = input.whole("populationVersion", populationVersion);
            var welfare = input.whole("welfareVersion", welfareVersion);
            var chosen = input.choice(ApportionmentMethod.class, "method", method, null);
            if (date == null && FormInput.blank(effectiveDate)) {
                input.problem(Problem.of("effectiveDate", "receptionTask.effectiveDate.required"));
            }
            input.check();
            var calculation = tasks.calculate(date, population, welfare, chosen);
            redirect.addFlashAttribute("notice", Notice.of("receptionTask.calculated", calculation.allocated(),
                    calculation.effectiveDate().toString()));
            return "redirect:/reception/tasks?date=" + calculation.effectiveDate();
        }
        catch (InvalidInput e) {
            return calculations(model, typed, e.problems());
        }
    }

    private String calculations(Model model, CalculationInput input, List<Problem> problems) {
        model.addAttribute("history", tasks.calculations());
        model.addAttribute("input", input);
        model.addAttribute("problems", problems);
        model.addAttribute("errors", new FieldProblems(problems));
        model.addAttribute("maySet", ReceptionTasks.maySet());
        model.addAttribute("populationVersions", populations.versions());
        model.addAttribute("welfareVersions", tasks.welfareVersions());
        model.addAttribute("methods", ApportionmentMethod.values());
        return "reception/tasks/calculations";
    }

    // ---- imports ----

    @GetMapping("/reception/tasks/places-import")
    String placesImport(Model model) {
        return importPage(FigureKind.MUNICIPAL_PLACES, model);
    }

    @PostMapping("/reception/tasks/places-import")
    String importPlaces(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String label,
            Model model, RedirectAttributes redirect) throws IOException {
        return importFile(FigureKind.MUNICIPAL_PLACES, file, label, model, redirect, "/reception/tasks/places-import");
    }

    @GetMapping("/reception/tasks/ukrainians-import")
    String ukrainiansImport(Model model) {
        return importPage(FigureKind.UKRAINIANS, model);
    }

    @PostMapping("/reception/tasks/ukrainians-import")
    String importUkrainians(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String label, Model model, RedirectAttributes redirect) throws IOException {
        return importFile(FigureKind.UKRAINIANS, file, label, model, redirect, "/reception/tasks/ukrainians-import");
    }

    private String importFile(FigureKind kind, MultipartFile file, String label, Model model,
            RedirectAttributes redirect, String page) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInput.of("file", "receptionFigures.file.empty");
            }
            var imported = tasks.importFigures(kind, new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8),
                    label);
            redirect.addFlashAttribute("notice", Notice.of("receptionFigures.imported", imported.rows()));
            return "redirect:" + page;
        }
        catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("fileName", file == null || file.getOriginalFilename() == null ? ""
                    : file.getOriginalFilename());
            return importPage(kind, model);
        }
    }

    private String importPage(FigureKind kind, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("key", kind == FigureKind.MUNICIPAL_PLACES ? "places" : "ukrainians");
        model.addAttribute("action", kind == FigureKind.MUNICIPAL_PLACES ? "/reception/tasks/places-import"
                : "/reception/tasks/ukrainians-import");
        model.addAttribute("imports", tasks.imports(kind));
        return "reception/tasks/import";
    }

    // ---- shared ----

    private Row row(TaskPicture p) {
        var municipality = registry.find(p.code());
        return new Row(p.code().value(), municipality.map(Municipality::name).orElse(p.code().value()), p.population(),
                p.welfareFactor(), p.task(), p.placesPerThousand(), p.municipalPlaces(), p.municipalPlacesDate(),
                p.shareProvided() == null ? null : p.shareProvided().movePointRight(2).setScale(1,
                        java.math.RoundingMode.HALF_UP), p.ukrainians(), p.ukrainiansDate());
    }

    private String provinceName(Row row) {
        return registry.find(nl.doorstroom.shared.MunicipalityCode.of(row.code())).map(Municipality::provinceName)
                .orElse("");
    }

    /** The table as downloaded: the same columns as the page, one row per municipality. */
    Table table(List<Row> rows, LocalDate on, Locale locale) {
        var columns = List.of(new Table.Column(text("receptionTask.column.code", locale), Table.Kind.TEXT),
                new Table.Column(text("receptionTask.column.municipality", locale), Table.Kind.TEXT),
                new Table.Column(text("receptionTask.column.population", locale), Table.Kind.INTEGER),
                new Table.Column(text("receptionTask.column.welfare", locale), Table.Kind.DECIMAL),
                new Table.Column(text("receptionTask.column.task", locale), Table.Kind.INTEGER),
                new Table.Column(text("receptionTask.column.perThousand", locale), Table.Kind.DECIMAL),
                new Table.Column(text("receptionTask.column.places", locale), Table.Kind.INTEGER),
                new Table.Column(text("receptionTask.column.share", locale), Table.Kind.DECIMAL),
                new Table.Column(text("receptionTask.column.ukrainians", locale), Table.Kind.INTEGER));
        var cells = new ArrayList<List<Object>>();
        for (var r : rows) {
            var row = new ArrayList<Object>();
            row.add(r.code());
            row.add(r.name());
            row.add(r.population());
            row.add(r.welfareFactor());
            row.add(r.task());
            row.add(r.placesPerThousand());
            row.add(r.municipalPlaces());
            row.add(r.sharePercent());
            row.add(r.ukrainians());
            cells.add(row);
        }
        return new Table(text("receptionTask.list.title", locale), columns, cells,
                messages.getMessage("receptionTask.export.note", new Object[] { on.toString(), rows.size() }, locale));
    }

    private LocalDate date(String text, List<Problem> problems) {
        var input = new FormInput();
        var date = input.date("date", text);
        if (input.hasProblems()) {
            problems.add(Problem.of("date", "form.date.invalid", text.strip()));
        }
        return date == null ? ReceptionTasks.today() : date;
    }

    private ProvinceCode province(String text, List<Problem> problems) {
        if (FormInput.blank(text)) {
            return null;
        }
        try {
            var code = ProvinceCode.of(text.strip());
            if (registry.province(code).isPresent()) {
                return code;
            }
        }
        catch (IllegalArgumentException e) {
            // Reported below as unknown.
        }
        problems.add(Problem.of("province", "receptionTask.province.unknown", text.strip()));
        return null;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

}
