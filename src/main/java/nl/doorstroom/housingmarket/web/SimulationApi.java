package nl.doorstroom.housingmarket.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.housingmarket.AllocationScenario;
import nl.doorstroom.housingmarket.AllocationScenarios;
import nl.doorstroom.housingmarket.AllocationSimulations;
import nl.doorstroom.housingmarket.NeededShareRow;
import nl.doorstroom.housingmarket.ScenarioDraft;
import nl.doorstroom.housingmarket.ScenarioNotFound;
import nl.doorstroom.housingmarket.SimulationArea;
import nl.doorstroom.housingmarket.SimulationResult;
import nl.doorstroom.housingmarket.SizeBand;
import nl.doorstroom.housingmarket.engine.NeededShare;
import nl.doorstroom.housingmarket.engine.Sensitivity;
import nl.doorstroom.housingmarket.engine.SimulatedWeek;
import nl.doorstroom.shared.InvalidInput;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Allocation-share scenarios, their simulation result and the needed share per municipality over the API. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Toewijzingspercentage", description = "Scenario's van het toewijzingspercentage van sociale huurwoningen "
        + "voor vergunninghouders: per percentage week voor week de gehuisveste personen, het tekort op de taakstelling, "
        + "de wachtlijst en de verwachte wachttijd van reguliere woningzoekenden; de afweging (tekort tegen extra "
        + "wachttijd), het benodigde percentage en de gevoeligheid. Percentages zijn fracties (0,2 is 20%).")
class SimulationApi {

    private final AllocationScenarios scenarios;
    private final AllocationSimulations simulations;
    private final MessageSource messages;

    SimulationApi(AllocationScenarios scenarios, AllocationSimulations simulations, MessageSource messages) {
        this.scenarios = scenarios;
        this.simulations = simulations;
        this.messages = messages;
    }

    record ScenarioResource(long id, String name, String description, String area, Integer marketYear,
            List<Double> shares, Map<SizeBand, Double> extraHomesPerWeek, Integer weeks, Double newLinksPerWeek,
            String createdBy, String createdAt, String changedBy, String changedAt, boolean synthetic, int version) {

        static ScenarioResource of(AllocationScenario s) {
            return new ScenarioResource(s.id(), s.name(), s.description(), s.area().code(), s.marketYear(), s.shares(),
                    s.extraHomesPerWeek(), s.weeks(), s.newLinksPerWeek(), s.createdBy(), s.createdAt().toString(),
                    s.changedBy(), s.changedAt().toString(), s.synthetic(), s.version());
        }
    }

    record ScenarioRequest(String name, String description,
            @Schema(description = "GM0344, PV26 of NL") String area,
            @Schema(description = "Jaar van de marktcijfers; leeg voor het laatste jaar") Integer marketYear,
            @Schema(description = "Fracties 0 tot 1") List<Double> shares, Map<SizeBand, Double> extraHomesPerWeek,
            @Schema(description = "Leeg: tot het eind van het halfjaar") Integer weeks,
            @Schema(description = "Huishoudens per week; leeg: het tempo van de laatste acht weken") Double newLinksPerWeek,
            Integer version) {

        ScenarioDraft draft() {
            return new ScenarioDraft(name, description, area, marketYear, shares, extraHomesPerWeek, weeks,
                    newLinksPerWeek);
        }
    }

    record RunResource(double share, double shortfallAtEnd, Double extraWaitMonthsAtEnd, double housedPersonsAtEnd,
            double offeredWithoutTaker, List<WeekResource> weeks) {
    }

    record WeekResource(int week, double homes, double toPermitHolders, double toRegular, double housedPersons,
            double shortfall, double queue, Double waitMonths, Double extraWaitMonths) {

        static WeekResource of(SimulatedWeek w, Double extra) {
            return new WeekResource(w.week(), w.homes(), w.toPermitHolders(), w.toRegular(), w.housedPersons(),
                    w.shortfall(), w.queue(), w.waitMonths(), extra);
        }
    }

    record TradeOffPoint(double share, double shortfallAtEnd, Double extraWaitMonths) {
    }

    record ResultResource(long scenarioId, String area, String areaName, Integer marketYear, boolean hasFigures,
            boolean syntheticFigures, String startOn, String halfYear, int weeks, int weeksLeftInHalfYear,
            long correctedQuota, long housedSoFar, Map<Integer, Long> awaitingHouseholdsBySize, double newLinksPerWeek,
            boolean newLinksFromPace, double seekerArrivalsPerWeek, boolean arrivalsSteadyState, Double currentShare,
            List<RunResource> runs, List<TradeOffPoint> tradeOff, NeededShare neededShare,
            List<Sensitivity.Swing> sensitivity) {

        static ResultResource of(long id, SimulationResult r) {
            var runs = new ArrayList<RunResource>();
            var points = new ArrayList<TradeOffPoint>();
            var c = r.comparison();
            if (c != null) {
                for (var run : c.runs()) {
                    var weeks = new ArrayList<WeekResource>();
                    for (int i = 0; i < run.simulation().weeks().size(); i++) {
                        weeks.add(WeekResource.of(run.simulation().weeks().get(i), run.extraWaitMonths().get(i)));
                    }
                    runs.add(new RunResource(run.share(), run.shortfallAtEnd(), run.extraWaitAtEnd(),
                            run.simulation().last().housedPersons(), run.simulation().totalOfferedWithoutTaker(), weeks));
                    points.add(new TradeOffPoint(run.share(), run.shortfallAtEnd(), run.extraWaitAtEnd()));
                }
            }
            return new ResultResource(id, r.area().code(), r.areaName(), r.marketYear(), r.hasFigures(),
                    r.figures() != null && r.figures().synthetic(), r.startOn().toString(), r.halfYear().toString(),
                    r.weeks(), r.weeksLeftInHalfYear(), r.correctedQuota(), r.housedSoFar(), r.awaiting(),
                    r.newLinksPerWeek(), r.newLinksFromPace(), r.arrivalsPerWeek(), r.arrivalsSteadyState(),
                    r.figures() == null ? null : r.figures().allocationShare(), runs, points,
                    c == null ? null : c.needed(), c == null ? List.of() : c.sensitivity());
        }
    }

    @Operation(summary = "De scenario's die u mag zien, nieuwste eerst")
    @GetMapping("/allocation-scenarios")
    List<ScenarioResource> list() {
        return scenarios.all().stream().map(ScenarioResource::of).toList();
    }

    @Operation(summary = "Een scenario")
    @GetMapping("/allocation-scenarios/{id}")
    ScenarioResource one(@PathVariable long id) {
        return ScenarioResource.of(scenarios.find(id).orElseThrow(() -> new ScenarioNotFound(id)));
    }

    @Operation(summary = "Een scenario vastleggen", description = "201 met Location.")
    @PostMapping(path = "/allocation-scenarios", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ScenarioResource> create(@RequestBody ScenarioRequest body) {
        long id = scenarios.create(body.draft());
        return ResponseEntity.created(URI.create("/api/v1/allocation-scenarios/" + id))
                .body(ScenarioResource.of(scenarios.find(id).orElseThrow()));
    }

    @Operation(summary = "Een scenario wijzigen", description = "Met de gelezen versie; 409 als iemand anders het intussen wijzigde.")
    @PutMapping(path = "/allocation-scenarios/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ScenarioResource change(@PathVariable long id, @RequestBody ScenarioRequest body) {
        return ScenarioResource.of(scenarios.change(id, body.version(), body.draft()));
    }

    @Operation(summary = "De doorrekening van een scenario",
            description = "Per percentage de weken, de afweging (tekort aan het eind tegen extra wachttijd), het benodigde "
                    + "percentage en de gevoeligheid; gerekend uit de cijfers van vandaag (in milliseconden).")
    @GetMapping("/allocation-scenarios/{id}/result")
    ResultResource result(@PathVariable long id) {
        var scenario = scenarios.find(id).orElseThrow(() -> new ScenarioNotFound(id));
        return ResultResource.of(id, simulations.run(scenario));
    }

    @Operation(summary = "Benodigd toewijzingspercentage per gemeente",
            description = "Van een provincie (province=PV26), een gemeente (municipality=GM0344) of, zonder parameter, het "
                    + "land; alleen de gemeenten die u mag zien.")
    @GetMapping("/needed-allocation-shares")
    List<NeededShareRow> needed(@RequestParam(required = false) String province,
            @RequestParam(required = false) String municipality, @RequestParam(required = false) Integer year) {
        SimulationArea area;
        if (province != null && municipality != null) {
            throw InvalidInput.of("province", "housingmarket.simulation.area.invalid", province + " + " + municipality);
        }
        try {
            area = province != null ? SimulationArea.of(nl.doorstroom.shared.ProvinceCode.of(province.strip()))
                    : municipality != null ? SimulationArea.of(nl.doorstroom.shared.MunicipalityCode.parse(municipality))
                    : SimulationArea.nation();
        }
        catch (IllegalArgumentException e) {
            throw InvalidInput.of(province != null ? "province" : "municipality", "housingmarket.simulation.area.invalid",
                    province != null ? province : municipality);
        }
        return simulations.neededShares(area, year);
    }

    @ExceptionHandler(ScenarioNotFound.class)
    ResponseEntity<ProblemDetail> notFound(ScenarioNotFound e, HttpServletRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        problem.setTitle(messages.getMessage("api.notFound.title", null, "Not found", locale));
        problem.setDetail(messages.getMessage("api.notFound.detail", null, "Not found", locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
