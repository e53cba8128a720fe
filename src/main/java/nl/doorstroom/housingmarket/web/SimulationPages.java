package nl.doorstroom.housingmarket.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.housingmarket.AllocationScenario;
import nl.doorstroom.housingmarket.AllocationScenarios;
import nl.doorstroom.housingmarket.AllocationSimulations;
import nl.doorstroom.housingmarket.HousingStocks;
import nl.doorstroom.housingmarket.ScenarioDraft;
import nl.doorstroom.housingmarket.ScenarioNotFound;
import nl.doorstroom.housingmarket.SimulationAccess;
import nl.doorstroom.housingmarket.SimulationArea;
import nl.doorstroom.housingmarket.SizeBand;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.ScopeKind;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The allocation-share pages: saved scenarios and a form for a new one, a scenario's shares side by side (weekly
 * curves, the trade-off curve, the needed share, the tornado chart and the model), and the needed share per
 * municipality of an area.
 */
@Controller
class SimulationPages {

    private final AllocationScenarios scenarios;
    private final AllocationSimulations simulations;
    private final SimulationAccess access;
    private final HousingStocks stocks;
    private final MunicipalityRegistry registry;
    private final MessageSource messages;

    SimulationPages(AllocationScenarios scenarios, AllocationSimulations simulations, SimulationAccess access,
            HousingStocks stocks, MunicipalityRegistry registry, MessageSource messages) {
        this.scenarios = scenarios;
        this.simulations = simulations;
        this.access = access;
        this.stocks = stocks;
        this.registry = registry;
        this.messages = messages;
    }

    @ExceptionHandler(ScenarioNotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    /** The form's values as typed, so that a refused form comes back as it was. */
    record FormValues(String name, String description, String area, String marketYear, String shares,
            Map<String, String> extraHomes, String weeks, String newLinksPerWeek) {

        static FormValues empty(String area) {
            var extra = new LinkedHashMap<String, String>();
            for (var band : SizeBand.values()) {
                extra.put(band.name(), "");
            }
            return new FormValues("", "", area, "", "", extra, "", "");
        }

        static FormValues of(AllocationScenario s) {
            var extra = new LinkedHashMap<String, String>();
            for (var band : SizeBand.values()) {
                var value = s.extraHomesPerWeek().get(band);
                extra.put(band.name(), value == null ? "" : number(value));
            }
            return new FormValues(s.name(), s.description() == null ? "" : s.description(), s.area().code(),
                    s.marketYear() == null ? "" : String.valueOf(s.marketYear()),
                    String.join(" ", s.shares().stream().map(v -> number(v * 100)).toList()), extra,
                    s.weeks() == null ? "" : String.valueOf(s.weeks()),
                    s.newLinksPerWeek() == null ? "" : number(s.newLinksPerWeek()));
        }

        static FormValues of(Map<String, String> params) {
            var extra = new LinkedHashMap<String, String>();
            for (var band : SizeBand.values()) {
                extra.put(band.name(), params.getOrDefault("extraHomes" + band.name(), ""));
            }
            return new FormValues(params.getOrDefault("name", ""), params.getOrDefault("description", ""),
                    params.getOrDefault("area", ""), params.getOrDefault("marketYear", ""),
                    params.getOrDefault("shares", ""), extra, params.getOrDefault("weeks", ""),
                    params.getOrDefault("newLinksPerWeek", ""));
        }
    }

    /** An area the user may choose. */
    record AreaOption(String code, String label) {
    }

    static String number(double value) {
        double rounded = Math.round(value * 1000) / 1000.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }

    @GetMapping("/housing-market/simulations")
    String index(@RequestParam(required = false) String area, Model model) {
        var values = FormValues.empty(area != null ? area : defaultArea());
        return index(model, values, FieldProblems.NONE);
    }

    private String index(Model model, FormValues values, FieldProblems errors) {
        model.addAttribute("scenarios", scenarios.all());
        model.addAttribute("mayAuthor", access.mayAuthor());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", errors.all());
        model.addAttribute("areas", areaOptions());
        model.addAttribute("years", stocks.years());
        model.addAttribute("bands", SizeBand.values());
        model.addAttribute("names", names());
        return "housingmarket/simulations";
    }

    private Map<String, String> names() {
        var names = new LinkedHashMap<String, String>();
        for (var option : areaOptions()) {
            names.put(option.code(), option.label());
        }
        return names;
    }

    @PostMapping("/housing-market/simulations")
    String create(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        if (!access.mayAuthor()) {
            throw new AccessDeniedException("This role does not make allocation scenarios");
        }
        var values = FormValues.of(params);
        try {
            long id = scenarios.create(draft(values));
            return "redirect:/housing-market/simulations/" + id + "?saved";
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return index(model, values, new FieldProblems(e.problems()));
        }
    }

    @GetMapping("/housing-market/simulations/{id}")
    String scenario(@PathVariable long id, Model model) {
        var scenario = scenarios.find(id).orElseThrow(() -> new ScenarioNotFound(id));
        return scenario(model, scenario, FormValues.of(scenario), scenario.version(), FieldProblems.NONE);
    }

    @PostMapping("/housing-market/simulations/{id}")
    String change(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response) {
        if (!access.mayAuthor()) {
            throw new AccessDeniedException("This role does not change allocation scenarios");
        }
        var scenario = scenarios.find(id).orElseThrow(() -> new ScenarioNotFound(id));
        var values = FormValues.of(params);
        int version = parseInt(params.get("version"), -1);
        try {
            var changed = scenarios.change(id, version, draft(values));
            return "redirect:/housing-market/simulations/" + changed.id() + "?saved";
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return scenario(model, scenario, values, version, new FieldProblems(e.problems()));
        }
        catch (EditConflict e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return scenario(model, scenario, values, scenario.version(),
                    new FieldProblems(List.of(Problem.of("version", "housingmarket.simulation.conflict"))));
        }
    }

    private String scenario(Model model, AllocationScenario scenario, FormValues values, int version,
            FieldProblems errors) {
        var result = simulations.run(scenario);
        var views = new SimulationViews(messages);
        model.addAttribute("scenario", scenario);
        model.addAttribute("result", result);
        model.addAttribute("values", values);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", errors.all());
        model.addAttribute("mayEdit", access.mayChange(scenario));
        model.addAttribute("areas", areaOptions());
        model.addAttribute("years", stocks.years());
        model.addAttribute("bands", SizeBand.values());
        model.addAttribute("model", modelText());
        if (result.hasFigures()) {
            model.addAttribute("views", views);
            model.addAttribute("figures", views.weekly(result));
            model.addAttribute("tradeOffChart", views.tradeOffChart(result));
            model.addAttribute("tornadoChart", views.tornadoChart(result));
            model.addAttribute("note", views.note(result));
        }
        return "housingmarket/simulation";
    }

    @GetMapping("/housing-market/needed-share")
    String neededShare(@RequestParam(required = false) String area, @RequestParam(required = false) Integer year,
            Model model) {
        SimulationArea chosen;
        try {
            chosen = SimulationArea.parse(area == null || area.isBlank() ? defaultArea() : area);
        }
        catch (IllegalArgumentException e) {
            throw new ScenarioNotFound(-1);
        }
        model.addAttribute("area", chosen);
        model.addAttribute("areaName", simulations.nameOf(chosen));
        model.addAttribute("rows", simulations.neededShares(chosen, year));
        model.addAttribute("areas", areaOptions().stream()
                .filter(o -> !o.code().startsWith("GM")).toList());
        model.addAttribute("year", year != null ? year : stocks.latestYear().orElse(null));
        return "housingmarket/simulation-needed";
    }

    /** The user's own area: the nation, the own province or municipality; for a corporation the nation (narrowed to what it serves). */
    private String defaultArea() {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        var scope = user.scope();
        if (scope.kind() == ScopeKind.PROVINCE) {
            return scope.province().value();
        }
        if (scope.kind() == ScopeKind.MUNICIPALITY) {
            return scope.municipalities().first().value();
        }
        return "NL";
    }

    /** The areas the user may see: the nation, provinces and municipalities. */
    private List<AreaOption> areaOptions() {
        var options = new ArrayList<AreaOption>();
        var nation = SimulationArea.nation();
        if (access.maySee(nation)) {
            options.add(new AreaOption(nation.code(), text("housingmarket.simulation.area.nation")));
        }
        for (var province : registry.provinces()) {
            if (access.maySee(SimulationArea.of(province.code()))) {
                options.add(new AreaOption(province.code().value(),
                        text("housingmarket.simulation.area.province", province.name())));
            }
        }
        for (var municipality : registry.all()) {
            if (access.maySee(municipality.code())) {
                options.add(new AreaOption(municipality.code().value(), municipality.name()));
            }
        }
        return options;
    }

    private ScenarioDraft draft(FormValues values) {
        var input = new FormInput();
        var year = input.integer("marketYear", values.marketYear());
        var weeks = input.integer("weeks", values.weeks());
        var shares = shares(values.shares(), input);
        var extra = new EnumMap<SizeBand, Double>(SizeBand.class);
        for (var band : SizeBand.values()) {
            var value = decimal("extraHomes" + band.name(), values.extraHomes().get(band.name()), input);
            if (value != null) {
                extra.put(band, value);
            }
        }
        var links = decimal("newLinksPerWeek", values.newLinksPerWeek(), input);
        input.check();
        return new ScenarioDraft(values.name(), values.description(), values.area(), year, shares, extra, weeks, links);
    }

    /**
     * Shares in percent, separated by spaces, semicolons or commas followed by a space ({@code 10, 15, 20} or
     * {@code 10 12,5 15}): a comma between digits is a decimal comma.
     */
    static List<Double> shares(String text, FormInput input) {
        var shares = new ArrayList<Double>();
        if (text == null || text.isBlank()) {
            return shares;
        }
        for (var part : text.strip().split("\\s*;\\s*|,\\s+|\\s+")) {
            var cleaned = part.replace("%", "").strip().replace(',', '.');
            if (cleaned.isEmpty()) {
                continue;
            }
            try {
                shares.add(Double.parseDouble(cleaned) / 100.0);
            }
            catch (NumberFormatException e) {
                input.problem(Problem.of("shares", "housingmarket.simulation.shares.notANumber", part));
            }
        }
        return shares;
    }

    static Double decimal(String field, String text, FormInput input) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.strip().replace(',', '.'));
        }
        catch (NumberFormatException e) {
            input.problem(Problem.of(field, "housingmarket.simulation.notANumber", text.strip()));
            return null;
        }
    }

    private static int parseInt(String text, int otherwise) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        }
        catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** The model and its assumptions, in the page's language. */
    static List<String> modelText() {
        var language = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "nl";
        try (var in = new ClassPathResource("housingmarket/simulation-model-" + language + ".md").getInputStream()) {
            var paragraphs = new ArrayList<String>();
            for (var p : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\n\\s*\\n")) {
                if (!p.isBlank()) {
                    paragraphs.add(p.strip().replaceAll("^#+\\s*", "").replaceAll("\\s*\\n\\s*", " "));
                }
            }
            return paragraphs;
        }
        catch (IOException e) {
            return List.of();
        }
    }
}
