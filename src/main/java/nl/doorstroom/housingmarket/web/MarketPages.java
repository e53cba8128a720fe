package nl.doorstroom.housingmarket.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.housingmarket.FiguresForm;
import nl.doorstroom.housingmarket.HousingCorporation;
import nl.doorstroom.housingmarket.HousingStocks;
import nl.doorstroom.housingmarket.MarketFigures;
import nl.doorstroom.housingmarket.MarketNotFound;
import nl.doorstroom.housingmarket.MarketReaders;
import nl.doorstroom.housingmarket.MunicipalFigures;
import nl.doorstroom.housingmarket.SizeBand;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Province;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.Notice;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The housing market as people read and keep it: the market of the nation, a province or a municipality in a year
 * (per municipality and in total), a corporation's figures with a form per municipality row (the version read goes
 * along, so that no edit overwrites another), and the import of a corporation's year. Synthetic figures are labelled.
 */
@Controller
class MarketPages {

    /** One municipality on the overview; {@code reported} whether any corporation reported it that year. */
    public record MunicipalityRow(String code, String name, MarketFigures figures, boolean reported) {
    }

    private final HousingStocks stocks;
    private final MunicipalityRegistry registry;

    MarketPages(HousingStocks stocks, MunicipalityRegistry registry) {
        this.stocks = stocks;
        this.registry = registry;
    }

    @org.springframework.web.bind.annotation.ModelAttribute("mayChangeMarket")
    boolean mayChangeMarket() {
        return MarketReaders.mayChangeAny();
    }

    @GetMapping("/housing-market")
    String overview(@RequestParam(required = false) String year, @RequestParam(required = false) String province,
            @RequestParam(required = false) String municipality, Model model) {
        var problems = new ArrayList<Problem>();
        var years = stocks.years();
        int chosenYear = year(year, years, problems);
        MarketArea area;
        try {
            area = MarketArea.resolve(province, municipality, registry, stocks);
        }
        catch (InvalidInput e) {
            problems.addAll(e.problems());
            area = MarketArea.resolve(null, null, registry, stocks);
        }
        var readable = stocks.readableMunicipalities();
        if (readable.isPresent() && !readable.get().containsAll(area.municipalities())) {
            problems.add(Problem.of(area.kind().equals("PROVINCE") ? "province" : "municipality",
                    "housingmarket.area.outsideScope", area.name()));
            area = MarketArea.resolve(null, null, registry, stocks);
        }
        var names = registry.names();
        var rows = stocks.figuresByMunicipality(area.municipalities(), chosenYear).entrySet().stream()
                .map(e -> new MunicipalityRow(e.getKey().value(), names.getOrDefault(e.getKey(), e.getKey().value()),
                        e.getValue(), e.getValue().withoutFigures().isEmpty()))
                .sorted(Comparator.comparing(MunicipalityRow::name)).toList();
        model.addAttribute("problems", problems);
        model.addAttribute("years", yearsToChoose(years, chosenYear));
        model.addAttribute("year", chosenYear);
        model.addAttribute("area", area);
        model.addAttribute("total", stocks.figuresFor(area.municipalities(), chosenYear));
        model.addAttribute("rows", rows);
        model.addAttribute("bands", SizeBand.values());
        model.addAttribute("corporations", stocks.corporations());
        model.addAttribute("provinces", readable.isPresent() ? List.<Province>of()
                : registry.provinces().stream().sorted(Comparator.comparing(Province::name)).toList());
        model.addAttribute("municipalities", registry.all().stream()
                .filter(m -> readable.map(r -> r.contains(m.code())).orElse(true)).toList());
        model.addAttribute("chosenProvince", area.kind().equals("PROVINCE") && province != null ? area.code() : "");
        model.addAttribute("chosenMunicipality", area.kind().equals("MUNICIPALITY") && municipality != null ? area.code() : "");
        model.addAttribute("mayRegister", MarketReaders.mayKeepAll());
        if (!model.containsAttribute("registerProblems")) {
            model.addAttribute("registerProblems", FieldProblems.NONE);
        }
        return "housingmarket/overview";
    }

    @PostMapping("/housing-market/corporations")
    String register(@RequestParam(required = false) String name, @RequestParam(required = false) String code,
            Model model, RedirectAttributes redirect) {
        try {
            long id = stocks.registerCorporation(name, code);
            redirect.addFlashAttribute("notice", Notice.of("housingmarket.corporation.registered", name.strip()));
            return "redirect:/housing-market/corporations/" + id;
        }
        catch (InvalidInput e) {
            model.addAttribute("registerProblems", new FieldProblems(e.problems()));
            model.addAttribute("typedName", name);
            model.addAttribute("typedCode", code);
            return overview(null, null, null, model);
        }
    }

    @GetMapping("/housing-market/corporations/{id}")
    String corporation(@PathVariable long id, @RequestParam(required = false) String year, Model model) {
        var corporation = stocks.corporation(id).orElseThrow(() -> new MarketNotFound("corporation " + id));
        var problems = new ArrayList<Problem>();
        var years = stocks.years();
        int chosenYear = year(year, years, problems);
        var rows = stocks.figuresOf(id, chosenYear);
        var names = registry.names();
        var editable = new HashMap<String, Boolean>();
        rows.forEach(r -> editable.put(r.municipality().value(), MarketReaders.mayChange(corporation.name(), r.municipality())));
        model.addAttribute("corporation", corporation);
        model.addAttribute("problems", problems);
        model.addAttribute("years", yearsToChoose(years, chosenYear));
        model.addAttribute("year", chosenYear);
        model.addAttribute("rows", rows);
        model.addAttribute("names", names);
        model.addAttribute("editable", editable);
        model.addAttribute("bands", SizeBand.values());
        model.addAttribute("total", HousingStocks.sum(chosenYear, rows));
        model.addAttribute("totalAllocated", rows.stream().mapToLong(MunicipalFigures::allocated).sum());
        model.addAttribute("mayChange", MarketReaders.mayChangeSome(corporation.name()));
        model.addAttribute("enterable", enterable(corporation));
        model.addAttribute("imports", stocks.imports(id));
        model.addAttribute("firstYear", HousingStocks.FIRST_YEAR);
        model.addAttribute("lastYear", HousingStocks.lastYear());
        return "housingmarket/corporation";
    }

    @GetMapping("/housing-market/corporations/{id}/figures/{year}/{municipality}")
    String editForm(@PathVariable long id, @PathVariable int year, @PathVariable String municipality,
            @RequestParam(required = false) String choose, Model model) {
        var corporation = stocks.corporation(id).orElseThrow(() -> new MarketNotFound("corporation " + id));
        var code = municipality(municipality, choose);
        requireChange(corporation, code);
        var stored = stocks.figure(id, code, year);
        var typed = new HashMap<String, String>();
        stored.ifPresent(f -> typed.putAll(text(f)));
        return form(model, corporation, code, year, stored.map(MunicipalFigures::version).orElse(0), stored.orElse(null),
                typed, List.of(), false);
    }

    @PostMapping("/housing-market/corporations/{id}/figures/{year}/{municipality}")
    String change(@PathVariable long id, @PathVariable int year, @PathVariable String municipality,
            @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        var corporation = stocks.corporation(id).orElseThrow(() -> new MarketNotFound("corporation " + id));
        var code = municipality(municipality, null);
        requireChange(corporation, code);
        var input = new FormInput();
        var version = input.integer("version", params.get("version"));
        var unreadable = new ArrayList<Problem>();
        var form = FiguresForm.read(params::get, unreadable);
        try {
            if (version == null) {
                throw InvalidInput.of("version", "housingmarket.version.missing");
            }
            if (!unreadable.isEmpty()) {
                var all = new ArrayList<>(unreadable);
                all.addAll(form.problemsBesides(unreadable));
                throw new InvalidInput(all);
            }
            stocks.change(id, code, year, version, form);
            redirect.addFlashAttribute("notice", Notice.of("housingmarket.figures.saved", name(code), year));
            return "redirect:/housing-market/corporations/" + id + "?year=" + year;
        }
        catch (InvalidInput e) {
            return form(model, corporation, code, year, version == null ? 0 : version,
                    stocks.figure(id, code, year).orElse(null), params, e.problems(), false);
        }
        catch (EditConflict e) {
            var current = stocks.figure(id, code, year);
            return form(model, corporation, code, year, current.map(MunicipalFigures::version).orElse(0),
                    current.orElse(null), params, List.of(), true);
        }
    }

    @GetMapping("/housing-market/import")
    String importForm(@RequestParam(required = false) Long corporation, Model model) {
        return importPage(model, corporation, null, List.of(), "");
    }

    @PostMapping("/housing-market/import")
    String importFile(@RequestParam(required = false) String corporation, @RequestParam(required = false) String year,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        var fileName = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        var input = new FormInput();
        var corporationId = input.whole("corporation", corporation);
        var chosenYear = input.integer("year", year);
        try {
            var problems = new ArrayList<Problem>();
            if (corporationId == null && !input.hasProblems()) {
                problems.add(Problem.of("corporation", "housingmarket.import.corporation.missing"));
            }
            if (chosenYear == null && !input.hasProblems()) {
                problems.add(Problem.of("year", "housingmarket.value.missing"));
            }
            if (file == null || file.isEmpty()) {
                problems.add(Problem.of("file", "housingmarket.import.file.empty"));
            }
            problems.forEach(input::problem);
            input.check();
            var imported = stocks.importFile(corporationId, chosenYear, file.getInputStream());
            redirect.addFlashAttribute("notice", Notice.of("housingmarket.import.done", imported.rows(), imported.year(),
                    imported.replaced()));
            return "redirect:/housing-market/corporations/" + corporationId + "?year=" + chosenYear;
        }
        catch (InvalidInput e) {
            return importPage(model, corporationId, chosenYear, e.problems(), fileName);
        }
    }

    private String importPage(Model model, Long corporation, Integer year, List<Problem> problems, String fileName) {
        if (!MarketReaders.mayChangeAny()) {
            throw new AccessDeniedException("Only corporations, national coordinators and administrators import figures");
        }
        var corporations = stocks.corporations().stream().filter(c -> MarketReaders.mayChangeSome(c.name())).toList();
        model.addAttribute("corporations", corporations);
        model.addAttribute("chosenCorporation", corporation != null ? corporation
                : corporations.size() == 1 ? corporations.get(0).id() : null);
        model.addAttribute("chosenYear", year != null ? year : java.time.LocalDate.now(nl.doorstroom.identity.AuditTrail.ZONE).getYear());
        model.addAttribute("problems", problems);
        model.addAttribute("fileName", fileName);
        model.addAttribute("firstYear", HousingStocks.FIRST_YEAR);
        model.addAttribute("lastYear", HousingStocks.lastYear());
        model.addAttribute("columns", HousingStocks.importColumns());
        model.addAttribute("header", HousingStocks.importHeader());
        return "housingmarket/import";
    }

    private String form(Model model, HousingCorporation corporation, MunicipalityCode municipality, int year,
            int version, MunicipalFigures stored, Map<String, String> typed, List<Problem> problems, boolean conflict) {
        model.addAttribute("corporation", corporation);
        model.addAttribute("municipality", municipality.value());
        model.addAttribute("municipalityName", name(municipality));
        model.addAttribute("year", year);
        model.addAttribute("version", version);
        model.addAttribute("stored", stored);
        model.addAttribute("typed", typed);
        model.addAttribute("problems", problems);
        model.addAttribute("errors", new FieldProblems(problems));
        model.addAttribute("conflict", conflict);
        model.addAttribute("bands", SizeBand.values());
        return "housingmarket/form";
    }

    /** The municipalities the user may enter figures for: a corporation those it serves, keepers every one. */
    private List<Municipality> enterable(HousingCorporation corporation) {
        return registry.all().stream().filter(m -> MarketReaders.mayChange(corporation.name(), m.code())).toList();
    }

    private void requireChange(HousingCorporation corporation, MunicipalityCode municipality) {
        if (!MarketReaders.mayChange(corporation.name(), municipality)) {
            throw new AccessDeniedException("Not this corporation's figures for this municipality");
        }
    }

    /** A municipality from the path, or from the chooser on the corporation page ('choose' wins when given). */
    private MunicipalityCode municipality(String path, String choose) {
        var text = choose != null && !choose.isBlank() ? choose : path;
        try {
            var code = MunicipalityCode.parse(text);
            if (registry.exists(code)) {
                return code;
            }
        }
        catch (IllegalArgumentException e) {
            // not a code: not found
        }
        throw new MarketNotFound("municipality " + text);
    }

    private String name(MunicipalityCode code) {
        return registry.find(code).map(Municipality::name).orElse(code.value());
    }

    private static int year(String text, List<Integer> years, List<Problem> problems) {
        int fallback = years.isEmpty() ? java.time.LocalDate.now(nl.doorstroom.identity.AuditTrail.ZONE).getYear()
                : years.get(0);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int year = Integer.parseInt(text.strip());
            if (year < HousingStocks.FIRST_YEAR || year > HousingStocks.lastYear()) {
                problems.add(Problem.of("year", "housingmarket.year.outside", year, HousingStocks.FIRST_YEAR,
                        HousingStocks.lastYear()));
                return fallback;
            }
            return year;
        }
        catch (NumberFormatException e) {
            problems.add(Problem.of("year", "housingmarket.year.invalid", text.strip()));
            return fallback;
        }
    }

    /** The years with figures, and the chosen one if it has none yet, latest first. */
    private static List<Integer> yearsToChoose(List<Integer> years, int chosen) {
        var all = new java.util.TreeSet<Integer>(Comparator.reverseOrder());
        all.addAll(years);
        all.add(chosen);
        return List.copyOf(all);
    }

    private static Map<String, String> text(MunicipalFigures f) {
        var typed = new HashMap<String, String>();
        for (var band : SizeBand.values()) {
            typed.put(FiguresForm.field(FiguresForm.HOMES, band), String.valueOf(f.homes(band)));
            typed.put(FiguresForm.field(FiguresForm.VACANCIES, band), String.valueOf(f.vacancies(band)));
        }
        typed.put(FiguresForm.ALLOCATED, String.valueOf(f.allocated()));
        typed.put(FiguresForm.ACTIVE_SEEKERS, String.valueOf(f.activeSeekers()));
        typed.put(FiguresForm.MEDIAN_WAIT, f.medianWaitMonths() == null ? ""
                : String.valueOf(f.medianWaitMonths()).replace('.', ',').replaceAll(",0$", ""));
        typed.put(FiguresForm.NEW_SEEKERS, f.newSeekersPerYear() == null ? "" : String.valueOf(f.newSeekersPerYear()));
        return typed;
    }

    @ExceptionHandler(MarketNotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
