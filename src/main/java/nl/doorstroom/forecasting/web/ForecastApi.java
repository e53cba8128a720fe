package nl.doorstroom.forecasting.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.forecasting.ForecastNotFound;
import nl.doorstroom.forecasting.ForecastRun;
import nl.doorstroom.forecasting.ForecastRuns;
import nl.doorstroom.forecasting.ForecastScenario;
import nl.doorstroom.forecasting.ForecastScenarios;
import nl.doorstroom.forecasting.ScenarioParameters;
import nl.doorstroom.forecasting.engine.CapacityChange;
import nl.doorstroom.forecasting.engine.WeekForecast;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Forecast scenarios and runs over the API: parameters, runs in the background, and their bands and runway. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Prognoses", description = "Scenario's van de opvang met hun parameters (gemiddelde en standaardafwijking per "
        + "week), Monte Carlo-doorrekeningen op de achtergrond met voortgang, en hun uitkomst: banden (10e, 50e en 90e "
        + "percentiel) van de bezetting per week, de kans boven de capaciteit, en de eerste week waarin de mediaan en "
        + "het 90e percentiel boven de capaciteit komen.")
class ForecastApi {

    private final ForecastScenarios scenarios;
    private final ForecastRuns runs;
    private final MessageSource messages;

    ForecastApi(ForecastScenarios scenarios, ForecastRuns runs, MessageSource messages) {
        this.scenarios = scenarios;
        this.runs = runs;
        this.messages = messages;
    }

    record ScenarioResource(long id, String name, String description, LocalDate startOn, Map<String, Double> parameters,
            List<CapacityChange> capacityChanges, String createdBy, String createdAt, String changedBy, String changedAt,
            boolean synthetic, int version) {

        static ScenarioResource of(ForecastScenario s) {
            return new ScenarioResource(s.id(), s.name(), s.description(), s.startOn(), s.parameters().values(),
                    s.parameters().capacityChanges(), s.createdBy(), s.createdAt().toString(), s.changedBy(),
                    s.changedAt().toString(), s.synthetic(), s.version());
        }
    }

    record ScenarioRequest(String name, String description, LocalDate startOn,
            @Schema(description = "Per naam (zie een bestaand scenario of GET /forecast-scenarios/baseline) een getal")
            Map<String, Double> parameters, List<CapacityChange> capacityChanges, Integer version) {
    }

    record RunRequest(List<Long> scenarios, Integer runs, Long seed) {
    }

    record RunResource(long id, long scenarioId, String scenarioName, String status, int done, int runs, long seed,
            LocalDate startOn, Integer runwayMedianWeek, LocalDate runwayMedianDate, Integer runwayP90Week,
            LocalDate runwayP90Date, List<WeekForecast> weeks) {

        static RunResource of(ForecastRun r) {
            var f = r.result();
            Integer median = f == null || f.runwayMedian().isEmpty() ? null : f.runwayMedian().getAsInt();
            Integer p90 = f == null || f.runwayP90().isEmpty() ? null : f.runwayP90().getAsInt();
            return new RunResource(r.id(), r.scenarioId(), r.scenarioName(), r.status().name(), r.done(), r.runs(),
                    r.seed(), r.startOn(), median, median == null ? null : r.dateOf(median), p90,
                    p90 == null ? null : r.dateOf(p90), f == null ? null : f.weeks());
        }
    }

    @Operation(summary = "De scenario's")
    @GetMapping("/forecast-scenarios")
    List<ScenarioResource> list() {
        return scenarios.all().stream().map(ScenarioResource::of).toList();
    }

    @Operation(summary = "De parameters zoals de cijfers van vandaag ze geven", description = "Een startpunt voor een nieuw scenario.")
    @GetMapping("/forecast-scenarios/baseline")
    ScenarioRequest baseline() {
        var p = scenarios.baseline();
        return new ScenarioRequest(null, null, LocalDate.now(nl.doorstroom.identity.AuditTrail.ZONE), p.values(),
                p.capacityChanges(), -1);
    }

    @Operation(summary = "Een scenario")
    @GetMapping("/forecast-scenarios/{id}")
    ScenarioResource one(@PathVariable long id) {
        return ScenarioResource.of(scenarios.find(id));
    }

    @Operation(summary = "Een scenario vastleggen", description = "201 met Location.")
    @PostMapping(path = "/forecast-scenarios", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ScenarioResource> create(@RequestBody ScenarioRequest body) {
        long id = scenarios.create(body.name(), body.description(), parameters(body), body.startOn());
        return ResponseEntity.created(URI.create("/api/v1/forecast-scenarios/" + id))
                .body(ScenarioResource.of(scenarios.find(id)));
    }

    @Operation(summary = "Een scenario wijzigen", description = "Met de gelezen versie; 409 als iemand anders het intussen wijzigde.")
    @PutMapping(path = "/forecast-scenarios/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ScenarioResource change(@PathVariable long id, @RequestBody ScenarioRequest body) {
        if (body.version() == null) {
            throw InvalidInput.of("version", "forecasting.api.version");
        }
        return ScenarioResource.of(scenarios.change(id, body.version(), body.name(), body.description(), parameters(body),
                body.startOn()));
    }

    private static ScenarioParameters parameters(ScenarioRequest body) {
        if (body.parameters() == null) {
            throw InvalidInput.of("parameters", "forecasting.value.missing");
        }
        return new ScenarioParameters(body.parameters(), body.capacityChanges() == null ? List.of() : body.capacityChanges());
    }

    @Operation(summary = "Scenario's doorrekenen", description = "Eén doorrekening per scenario, met hetzelfde startgetal; "
            + "202 met de doorrekeningen, die op de achtergrond lopen.")
    @PostMapping(path = "/forecast-runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<RunResource>> start(@RequestBody RunRequest body) {
        var ids = runs.start(body.scenarios(), body.runs(), body.seed());
        var started = new ArrayList<RunResource>();
        runs.progress(ids).forEach(r -> started.add(RunResource.of(r)));
        return ResponseEntity.accepted().location(URI.create("/api/v1/forecast-runs/" + ids.get(0))).body(started);
    }

    @Operation(summary = "Een doorrekening: voortgang en, als ze klaar is, de banden per week en de runway")
    @GetMapping("/forecast-runs/{id}")
    RunResource run(@PathVariable long id) {
        return RunResource.of(runs.find(id));
    }

    @Operation(summary = "Een doorrekening afbreken")
    @PostMapping("/forecast-runs/{id}/cancellation")
    RunResource cancel(@PathVariable long id) {
        runs.cancel(id);
        return RunResource.of(runs.find(id));
    }

    @ExceptionHandler(ForecastNotFound.class)
    ResponseEntity<ProblemDetail> notFound(ForecastNotFound e, HttpServletRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        problem.setTitle(messages.getMessage("api.notFound.title", null, "Not found", locale));
        problem.setDetail(messages.getMessage("api.notFound.detail", null, "Not found", locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static List<Problem> none() {
        return List.of();
    }
}
