package nl.doorstroom.forecasting.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.documents.Chart;
import nl.doorstroom.documents.Table;
import nl.doorstroom.documents.TableExport;
import nl.doorstroom.forecasting.ForecastNotFound;
import nl.doorstroom.forecasting.ForecastRun;
import nl.doorstroom.forecasting.ForecastRuns;
import nl.doorstroom.forecasting.ForecastScenario;
import nl.doorstroom.forecasting.ForecastScenarios;
import nl.doorstroom.forecasting.Forecasters;
import nl.doorstroom.forecasting.ScenarioParameters;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.Notice;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Forecast pages: the scenarios with their parameters, running and comparing them (progress, cancel, the chart
 * of each scenario's median and 90th percentile against capacity, and the runway of each), and the model.
 */
@Controller
class ForecastPages {

    private final ForecastScenarios scenarios;
    private final ForecastRuns runs;
    private final MessageSource messages;

    ForecastPages(ForecastScenarios scenarios, ForecastRuns runs, MessageSource messages) {
        this.scenarios = scenarios;
        this.runs = runs;
        this.messages = messages;
    }

    @ExceptionHandler(ForecastNotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    // ---- scenarios

    @GetMapping("/forecasts")
    String index(Model model) {
        model.addAttribute("scenarios", scenarios.all());
        model.addAttribute("recent", runs.recent());
        model.addAttribute("mayForecast", Forecasters.mayForecast());
        model.addAttribute("defaultRuns", ForecastRuns.DEFAULT_RUNS);
        model.addAttribute("maxRuns", ForecastRuns.MAX_RUNS);
        model.addAttribute("model", modelText());
        return "forecasting/index";
    }

    /** The model and its assumptions, as written beside the engine, in the page's language. */
    private List<String> modelText() {
        var language = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "nl";
        try (var in = new ClassPathResource("forecasting/model-" + language + ".md").getInputStream()) {
            var paragraphs = new ArrayList<String>();
            for (var p : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\n\\s*\\n")) {
                if (!p.isBlank()) {
                    paragraphs.add(p.strip().replaceAll("^#+\\s*", ""));
                }
            }
            return paragraphs;
        }
        catch (IOException e) {
            return List.of();
        }
    }

    @GetMapping("/forecasts/scenarios/new")
    String newScenario(Model model) {
        var baseline = scenarios.baseline();
        return scenarioForm(model, null, values(baseline), baseline.capacityChangesText(), "", "",
                today().toString(), -1, FieldProblems.NONE);
    }

    @GetMapping("/forecasts/scenarios/{id}")
    String scenario(@PathVariable long id, Model model) {
        var s = scenarios.find(id);
        return scenarioForm(model, s, values(s.parameters()), s.parameters().capacityChangesText(), s.name(),
                s.description() == null ? "" : s.description(), s.startOn().toString(), s.version(), FieldProblems.NONE);
    }

    private static Map<String, String> values(ScenarioParameters p) {
        var values = new LinkedHashMap<String, String>();
        for (var f : ScenarioParameters.FIELDS) {
            double v = p.get(f.name());
            values.put(f.name(), v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v)
                    : String.valueOf(v));
        }
        return values;
    }

    private String scenarioForm(Model model, ForecastScenario scenario, Map<String, String> values, String capacity,
            String name, String description, String startOn, int version, FieldProblems errors) {
        model.addAttribute("scenario", scenario);
        model.addAttribute("fields", ScenarioParameters.FIELDS);
        model.addAttribute("values", values);
        model.addAttribute("capacityChanges", capacity);
        model.addAttribute("name", name);
        model.addAttribute("description", description);
        model.addAttribute("startOn", startOn);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", errors.all());
        model.addAttribute("mayForecast", Forecasters.mayForecast());
        return "forecasting/scenario";
    }

    @PostMapping("/forecasts/scenarios")
    String create(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        return save(null, params, model, response);
    }

    @PostMapping("/forecasts/scenarios/{id}")
    String change(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response) {
        return save(scenarios.find(id), params, model, response);
    }

    private String save(ForecastScenario existing, Map<String, String> params, Model model,
            HttpServletResponse response) {
        var values = new LinkedHashMap<String, String>();
        ScenarioParameters.FIELDS.forEach(f -> values.put(f.name(), params.getOrDefault(f.name(), "")));
        int version = parseInt(params.get("version"), -2);
        try {
            var input = new FormInput();
            var numbers = new LinkedHashMap<String, Double>();
            for (var f : ScenarioParameters.FIELDS) {
                var text = values.get(f.name()).strip();
                if (text.isEmpty()) {
                    input.problem(Problem.of(f.name(), "forecasting.value.missing"));
                    continue;
                }
                try {
                    numbers.put(f.name(), ScenarioParameters.parseNumber(text));
                }
                catch (NumberFormatException e) {
                    input.problem(Problem.of(f.name(), "forecasting.value.notANumber", values.get(f.name())));
                }
            }
            var startOn = input.date("startOn", params.get("startOn"));
            var problems = new ArrayList<Problem>();
            var changes = ScenarioParameters.parseCapacityChanges(params.get("capacityChanges"), problems);
            problems.forEach(input::problem);
            input.check();
            var parameters = new ScenarioParameters(numbers, changes);
            long id;
            if (existing == null) {
                id = scenarios.create(params.get("name"), params.get("description"), parameters, startOn);
            }
            else {
                id = scenarios.change(existing.id(), version, params.get("name"), params.get("description"), parameters,
                        startOn).id();
            }
            return "redirect:/forecasts/scenarios/" + id + "?saved";
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return scenarioForm(model, existing, values, params.getOrDefault("capacityChanges", ""),
                    params.getOrDefault("name", ""), params.getOrDefault("description", ""),
                    params.getOrDefault("startOn", ""), version, new FieldProblems(e.problems()));
        }
        catch (EditConflict e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return scenarioForm(model, existing, values, params.getOrDefault("capacityChanges", ""),
                    params.getOrDefault("name", ""), params.getOrDefault("description", ""),
                    params.getOrDefault("startOn", ""), version,
                    new FieldProblems(List.of(Problem.of("version", "forecasting.scenario.conflict"))));
        }
    }

    @PostMapping("/forecasts/standard")
    String standard(RedirectAttributes redirect) {
        var ids = scenarios.createStandard();
        redirect.addFlashAttribute("notice", Notice.of("forecasting.standard.created", ids.size()));
        return "redirect:/forecasts";
    }

    // ---- backtest

    @GetMapping("/forecasts/backtest")
    String backtest(Model model) {
        model.addAttribute("backtest", scenarios.backtest());
        model.addAttribute("mayForecast", Forecasters.mayForecast());
        return "forecasting/backtest";
    }

    // ---- runs and comparison

    @PostMapping("/forecasts/runs")
    String start(@RequestParam(name = "scenario", required = false) List<Long> scenarioIds,
            @RequestParam(required = false) String runs, @RequestParam(required = false) String seed,
            RedirectAttributes redirect) {
        try {
            var input = new FormInput();
            var count = input.integer("runs", runs);
            var chosenSeed = input.whole("seed", seed);
            input.check();
            var ids = this.runs.start(scenarioIds, count, chosenSeed);
            return "redirect:/forecasts/compare?runs=" + String.join(",", ids.stream().map(String::valueOf).toList());
        }
        catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", new ArrayList<>(e.problems()));
            return "redirect:/forecasts#compare";
        }
    }

    @PostMapping("/forecasts/runs/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) String back) {
        runs.cancel(id);
        return "redirect:" + (back != null && back.startsWith("/forecasts/compare?runs=") ? back : "/forecasts");
    }

    private static List<Long> ids(String text) {
        var ids = new ArrayList<Long>();
        if (text != null) {
            for (var part : text.split(",")) {
                try {
                    ids.add(Long.parseLong(part.strip()));
                }
                catch (NumberFormatException e) {
                    throw new ForecastNotFound("run " + part);
                }
            }
        }
        if (ids.isEmpty() || ids.size() > 6) {
            throw new ForecastNotFound("runs " + text);
        }
        return ids;
    }

    @GetMapping("/forecasts/compare")
    String compare(@RequestParam String runs, Model model) {
        var ids = ids(runs);
        var progress = this.runs.progress(ids);
        if (progress.size() != ids.size()) {
            throw new ForecastNotFound("runs " + runs);
        }
        model.addAttribute("runsParam", runs);
        model.addAttribute("progress", progress);
        model.addAttribute("running", progress.stream().anyMatch(r -> !r.status().finished()));
        model.addAttribute("mayForecast", Forecasters.mayForecast());
        var done = progress.stream().filter(r -> r.status() == ForecastRun.Status.DONE)
                .map(r -> this.runs.find(r.id())).toList();
        model.addAttribute("done", done);
        model.addAttribute("differentStarts", done.stream().map(ForecastRun::startOn).distinct().count() > 1);
        if (!done.isEmpty()) {
            model.addAttribute("chart", chart(done).json());
            model.addAttribute("probabilityChart", probabilityChart(done).json());
            model.addAttribute("checkpoints", checkpoints(done));
        }
        return "forecasting/compare";
    }

    /** The progress panel alone; when every run has ended the whole page reloads to show the results. */
    @GetMapping("/forecasts/compare/progress")
    String compareProgress(@RequestParam String runs, Model model, HttpServletResponse response) {
        var progress = this.runs.progress(ids(runs));
        if (progress.stream().allMatch(r -> r.status().finished())) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("runsParam", runs);
        model.addAttribute("progress", progress);
        model.addAttribute("mayForecast", Forecasters.mayForecast());
        return "forecasting/compare :: progressRows";
    }

    static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d-M-yyyy");

    /** Each scenario's median and 90th percentile of occupancy per week, and the capacity of the first. */
    private Chart chart(List<ForecastRun> done) {
        var first = done.stream().max(java.util.Comparator.comparingInt(r -> r.result().horizonWeeks())).orElseThrow();
        var categories = new ArrayList<String>();
        for (var w : first.result().weeks()) {
            categories.add(first.dateOf(w.week()).format(WEEK));
        }
        var series = new ArrayList<Chart.Series>();
        for (var run : done) {
            var median = new ArrayList<Long>();
            var p90 = new ArrayList<Long>();
            for (int i = 0; i < categories.size(); i++) {
                var week = i < run.result().weeks().size() ? run.result().weeks().get(i) : null;
                median.add(week == null ? null : Math.round(week.occupancy().p50()));
                p90.add(week == null ? null : Math.round(week.occupancy().p90()));
            }
            series.add(new Chart.Series(text("forecasting.chart.median", run.scenarioName()), median));
            series.add(new Chart.Series(text("forecasting.chart.p90", run.scenarioName()), p90));
        }
        // One capacity line per different capacity plan, so no scenario is drawn against another's capacity.
        var plans = new java.util.LinkedHashMap<List<Long>, String>();
        for (var run : done) {
            var capacity = new ArrayList<Long>();
            for (int i = 0; i < categories.size(); i++) {
                capacity.add(i < run.result().weeks().size() ? Math.round(run.result().weeks().get(i).capacity()) : null);
            }
            plans.putIfAbsent(capacity, run.scenarioName());
        }
        plans.forEach((capacity, name) -> series.add(new Chart.Series(text("forecasting.chart.capacity", name), capacity)));
        return Chart.line(categories, series).withYAxisName(text("forecasting.chart.axis"));
    }

    /** Per scenario the probability that occupancy exceeds capacity, per week. */
    private Chart probabilityChart(List<ForecastRun> done) {
        var first = done.stream().max(java.util.Comparator.comparingInt(r -> r.result().horizonWeeks())).orElseThrow();
        var categories = first.result().weeks().stream().map(w -> first.dateOf(w.week()).format(WEEK)).toList();
        var series = new ArrayList<Chart.Series>();
        for (var run : done) {
            var values = new ArrayList<Double>();
            for (int i = 0; i < categories.size(); i++) {
                values.add(i < run.result().weeks().size() ? run.result().weeks().get(i).probabilityOverCapacity() : null);
            }
            series.add(new Chart.Series(run.scenarioName(), values));
        }
        return Chart.line(categories, series).inPercent();
    }

    /** The weeks the comparison table shows. */
    private static List<Integer> checkpoints(List<ForecastRun> runs) {
        int longest = runs.stream().mapToInt(r -> r.result().horizonWeeks()).max().orElse(0);
        var weeks = new ArrayList<Integer>();
        for (int w : List.of(4, 13, 26, 52, 104)) {
            if (w <= longest) {
                weeks.add(w);
            }
        }
        return weeks;
    }

    /** The comparison as a table, week by week: each scenario's P10, median and P90, capacity, probability. */
    @GetMapping("/forecasts/compare/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam String runs, @RequestParam(defaultValue = "csv") String format) {
        var done = this.runs.progress(ids(runs)).stream().filter(r -> r.status() == ForecastRun.Status.DONE)
                .map(r -> this.runs.find(r.id())).toList();
        if (done.isEmpty()) {
            throw new ForecastNotFound("results " + runs);
        }
        var columns = new ArrayList<Table.Column>();
        columns.add(new Table.Column(text("forecasting.export.week"), Table.Kind.INTEGER));
        columns.add(new Table.Column(text("forecasting.export.date"), Table.Kind.DATE));
        for (var run : done) {
            for (var key : List.of("p10", "median", "p90", "capacity")) {
                columns.add(new Table.Column(text("forecasting.export." + key, run.scenarioName()), Table.Kind.INTEGER));
            }
            columns.add(new Table.Column(text("forecasting.export.probability", run.scenarioName()), Table.Kind.PERCENT));
        }
        var rows = new ArrayList<List<Object>>();
        var first = done.stream().max(java.util.Comparator.comparingInt(r -> r.result().horizonWeeks())).orElseThrow();
        for (int i = 0; i < first.result().weeks().size(); i++) {
            var row = new ArrayList<Object>();
            row.add((long) i);
            row.add(first.dateOf(i));
            for (var run : done) {
                var w = i < run.result().weeks().size() ? run.result().weeks().get(i) : null;
                row.add(w == null ? null : Math.round(w.occupancy().p10()));
                row.add(w == null ? null : Math.round(w.occupancy().p50()));
                row.add(w == null ? null : Math.round(w.occupancy().p90()));
                row.add(w == null ? null : Math.round(w.capacity()));
                row.add(w == null ? null : w.probabilityOverCapacity());
            }
            rows.add(row);
        }
        var note = text("forecasting.export.note", first.runs(), String.valueOf(first.seed()), first.startOn().toString());
        return TableExport.download(new Table(text("forecasting.export.title"), columns, rows, note), format,
                "prognose-" + runs.replace(',', '-'));
    }

    private static int parseInt(String text, int otherwise) {
        try {
            return text == null ? otherwise : Integer.parseInt(text.strip());
        }
        catch (NumberFormatException e) {
            return otherwise;
        }
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
