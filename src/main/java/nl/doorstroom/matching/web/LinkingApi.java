package nl.doorstroom.matching.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.doorstroom.matching.Fairness;
import nl.doorstroom.matching.LinkProposal;
import nl.doorstroom.matching.LinkingRun;
import nl.doorstroom.matching.LinkingRunNotFound;
import nl.doorstroom.matching.LinkingRuns;
import nl.doorstroom.matching.LinkingWeights;
import nl.doorstroom.matching.RunRequest;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Linking runs over the API: start one, follow it, cancel it, read its explained proposals and its
 * fairness, and decide on proposals. The same rules as on the pages, in the facade.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Koppelvoorstellen", description = "Runs van de koppeloptimalisator: COA-planners starten een run voor een "
        + "koppelregio of het land, volgen de voortgang (score en bewezen bovengrens), breken af, en nemen voorstellen "
        + "aan, wijzen ze af of koppelen met de hand met een reden. Lezen: COA en landelijke coördinatie; elke inzage "
        + "van voorstellen staat in de audittrail.")
class LinkingApi {

    @Schema(description = "Een nieuwe run. Lege velden krijgen hun standaard: het hele land, alle wachtende huishoudens, "
            + "marge 0, 10 seconden, de standaardgewichten.")
    record RunCreation(@Schema(description = "Code van een COA-koppelregio; leeg voor het land") String region,
            @Schema(description = "Hoogstens zoveel huishoudens, langst wachtend eerst") Integer householdLimit,
            @Schema(description = "Marge op de gecorrigeerde taakstelling in procent, -50 tot 50") Integer tolerancePercent,
            @Schema(description = "Rekentijd in seconden, 1 tot 600") Integer seconds,
            @Schema(description = "Gewichten 0 tot 100: base, waiting, dwelling, ties, school, spreading; ontbrekende "
                    + "krijgen hun standaard") Map<String, Integer> weights) {

        RunRequest request() {
            var problems = new ArrayList<Problem>();
            var w = new int[LinkingWeights.CRITERIA.size()];
            for (int i = 0; i < w.length; i++) {
                var name = LinkingWeights.CRITERIA.get(i);
                var value = weights == null ? null : weights.get(name);
                w[i] = value == null ? LinkingWeights.DEFAULT.byCriterion().get(name) : value;
            }
            if (weights != null) {
                weights.keySet().stream().filter(k -> !LinkingWeights.CRITERIA.contains(k))
                        .forEach(k -> problems.add(Problem.of("weights." + k, "linkingApi.weight.unknown", k,
                                String.join(", ", LinkingWeights.CRITERIA))));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new RunRequest(region == null || region.isBlank() ? null : region.strip(), householdLimit,
                    tolerancePercent == null ? 0 : tolerancePercent,
                    seconds == null ? RunRequest.DEFAULT_SECONDS : seconds,
                    new LinkingWeights(w[0], w[1], w[2], w[3], w[4], w[5]));
        }
    }

    record RunResource(long id, @Schema(description = "Koppelregio; leeg voor het land") String region,
            LocalDate runDate,
            @Schema(description = "RUNNING, FINISHED, CANCELLED, FAILED of INTERRUPTED (geen voortgang meer: de "
                    + "server stopte)") String status,
            boolean cancelRequested, int seconds, int tolerancePercent, Integer householdLimit,
            Map<String, Integer> weights, int households, int persons, int pairs,
            @Schema(description = "Beste totale score tot nu toe") Long objective,
            @Schema(description = "Bewezen bovengrens van de optimale score") Long bound, Double percentOfBound,
            Double elapsedSeconds, Integer linkedHouseholds, Integer linkedPersons, String startedBy,
            Instant startedAt, Instant finishedAt,
            @Schema(description = "De run waarvan deze de invoer opnieuw berekende") Long recomputedFrom) {

        static RunResource of(LinkingRun r) {
            return new RunResource(r.id(), r.region(), r.runDate(), r.interrupted() ? "INTERRUPTED" : r.status().name(),
                    r.cancelRequested(), r.seconds(), r.tolerancePercent(), r.householdLimit(), r.weights().byCriterion(),
                    r.households(), r.persons(), r.pairs(), r.objective(), r.bound(), r.percentOfBound(),
                    r.elapsedSeconds(), r.linkedHouseholds(), r.linkedPersons(), r.startedBy(), r.startedAt(),
                    r.finishedAt(), r.recomputedFrom());
        }
    }

    record ProposalResource(long household, String reference, int persons, int schoolAgeChildren, LocalDate permitDate,
            int daysWaiting, @Schema(description = "Bindende criteria zoals in de import, bijv. WORK:GM0344:16") String criteria,
            @Schema(description = "Voorgestelde gemeente; leeg als het huishouden geen voorstel kreeg") String municipality,
            Integer score, @Schema(description = "De score per criterium; de delen tellen op tot de score")
            Map<String, Integer> scoreParts, String alternative, Integer alternativeScore, Boolean alternativeHadRoom,
            @Schema(description = "NO_ALLOWED, NO_CAPACITY of CAPACITY_TAKEN") String unlinkedReason,
            @Schema(description = "OPEN, ACCEPTED, CHANGED, REJECTED of FAILED") String decision,
            String decidedMunicipality, String decisionReason, String failure, String decidedBy) {

        static ProposalResource of(LinkProposal p, java.util.function.Function<LinkProposal, String> failure) {
            return new ProposalResource(p.householdId(), p.reference(), p.persons(), p.schoolAgeChildren(),
                    p.permitDate(), p.daysWaiting(), p.criteria(), code(p.municipality()), p.linked() ? p.score() : null,
                    p.parts() == null ? null : p.parts().byCriterion(), code(p.alternative()), p.alternativeScore(),
                    p.alternativeHadRoom(), p.unlinkedReason() == null ? null : p.unlinkedReason().name(),
                    p.decision().name(), code(p.decidedMunicipality()), p.decisionReason(),
                    p.failureKey() == null ? null : failure.apply(p), p.decidedBy());
        }
    }

    record ProposalList(List<ProposalResource> items, int page, int pageSize, int pages, int total) {
    }

    record OptionResource(String municipality, int score, Map<String, Integer> scoreParts) {
    }

    record ExplanationResource(ProposalResource proposal,
            @Schema(description = "Alle toegestane gemeenten met hun score, hoogste eerst") List<OptionResource> options) {
    }

    record Selection(@Schema(description = "Huishoudens (id) van de voorstellen") List<Long> households,
            @Schema(description = "Bij aannemen: true voor alle open voorstellen") Boolean all,
            @Schema(description = "Bij afwijzen: reden, mag leeg") String reason) {

        /** The households named, each a number (an empty place in the list is a problem at its index). */
        List<Long> named() {
            if (households == null || households.isEmpty()) {
                throw InvalidInput.of("households", "linking.select.none");
            }
            var problems = new ArrayList<Problem>();
            for (int i = 0; i < households.size(); i++) {
                if (households.get(i) == null) {
                    problems.add(Problem.of("households[" + i + "]", "linkingApi.household.missing"));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return households;
        }
    }

    record FailureResource(long household, String reference, String reason) {
    }

    record DecisionResult(int decided, int skipped, List<FailureResource> failures) {
    }

    record Change(Long household, String municipality, String reason) {
    }

    record MunicipalityShareResource(String municipality, String name, long correctedQuota,
            @Schema(description = "Resterende capaciteit in personen bij de start van de run") long capacity,
            int proposedHouseholds, long proposedPersons,
            @Schema(description = "Voorgestelde personen als deel van de capaciteit, in procent") Double filledPercent) {
    }

    record SizeBandResource(@Schema(description = "1, 2, 3-4 of 5+ personen") String band, int households,
            int linkedHouseholds, double linkedPercent, Integer medianDaysLinked, Integer medianDaysUnlinked) {
    }

    record FairnessResource(List<MunicipalityShareResource> municipalities, List<SizeBandResource> sizeBands) {

        static FairnessResource of(Fairness f) {
            return new FairnessResource(f.municipalities().stream().map(m -> new MunicipalityShareResource(
                    m.code().value(), m.name(), m.correctedQuota(), m.capacity(), m.proposedHouseholds(),
                    m.proposedPersons(), m.filledPercent())).toList(),
                    f.sizeBands().stream().map(b -> new SizeBandResource(b.band(), b.households(), b.linkedHouseholds(),
                            b.linkedPercent(), b.medianDaysLinked(), b.medianDaysUnlinked())).toList());
        }
    }

    private final LinkingRuns runs;
    private final org.springframework.context.MessageSource messages;

    LinkingApi(LinkingRuns runs, org.springframework.context.MessageSource messages) {
        this.runs = runs;
        this.messages = messages;
    }

    private String text(String key, List<String> arguments) {
        return messages.getMessage(key, arguments.toArray(), key,
                org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private ProposalResource resource(LinkProposal p) {
        return ProposalResource.of(p, x -> text(x.failureKey(), x.failureArguments()));
    }

    private static String code(MunicipalityCode code) {
        return code == null ? null : code.value();
    }

    @Operation(summary = "De laatste runs, nieuwste eerst")
    @GetMapping("/linking-runs")
    List<RunResource> list() {
        return runs.recent(50).stream().map(RunResource::of).toList();
    }

    @Operation(summary = "Een run starten", description = "Alleen COA-planners. Antwoordt 202 met de run; volg die op "
            + "de Location tot status niet meer RUNNING is.")
    @PostMapping(path = "/linking-runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RunResource> start(@RequestBody RunCreation creation) {
        long id = runs.start(creation.request());
        return ResponseEntity.accepted().location(URI.create("/api/v1/linking-runs/" + id)).body(run(id));
    }

    @Operation(summary = "Een run met zijn voortgang")
    @GetMapping("/linking-runs/{id}")
    RunResource run(@PathVariable long id) {
        return RunResource.of(runs.find(id).orElseThrow(() -> new LinkingRunNotFound(id)));
    }

    @Operation(summary = "Een lopende run afbreken", description = "De run houdt zijn voortgang en doet geen voorstellen.")
    @PostMapping("/linking-runs/{id}/cancellation")
    ResponseEntity<RunResource> cancel(@PathVariable long id) {
        runs.cancel(id);
        return ResponseEntity.accepted().body(run(id));
    }

    record Recomputation(@Schema(description = "Rekentijd in seconden; leeg: die van de oorspronkelijke run") Integer seconds) {
    }

    @Operation(summary = "Een run opnieuw berekenen", description = "Een nieuwe run op de invoer die bij de run is "
            + "bewaard (huishoudens, capaciteit, datum en gewichten van toen). Antwoordt 202 met de nieuwe run.")
    @PostMapping(path = "/linking-runs/{id}/recomputations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RunResource> recompute(@PathVariable long id, @RequestBody(required = false) Recomputation body) {
        var original = runs.find(id).orElseThrow(() -> new LinkingRunNotFound(id));
        long created = runs.recompute(id, body == null || body.seconds() == null ? original.seconds() : body.seconds());
        return ResponseEntity.accepted().location(URI.create("/api/v1/linking-runs/" + created)).body(run(created));
    }

    @Operation(summary = "De voorstellen van een run", description = "show: ALL, OPEN, LINKED, UNLINKED, DECIDED of FAILED; "
            + "municipality: voorgestelde gemeente. Pagina's tellen vanaf 1, pageSize ten hoogste 500. Vastgelegd als inzage.")
    @GetMapping("/linking-runs/{id}/proposals")
    ProposalList proposals(@PathVariable long id, @RequestParam(required = false) String show,
            @RequestParam(required = false) String municipality, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "100") int pageSize) {
        var input = new FormInput();
        var code = input.municipality("municipality", municipality);
        if (page < 1) {
            input.problem(Problem.of("page", "linkingApi.page.range"));
        }
        if (pageSize < 1 || pageSize > LinkingRuns.PAGE_LIMIT) {
            input.problem(Problem.of("pageSize", "linkingApi.pageSize.range", LinkingRuns.PAGE_LIMIT));
        }
        input.check();
        var found = runs.proposals(id, show, code, page - 1, pageSize);
        return new ProposalList(found.proposals().stream().map(this::resource).toList(), found.page() + 1,
                found.size(), found.pages(), found.total());
    }

    @Operation(summary = "Een voorstel met zijn uitleg", description = "Alle toegestane gemeenten met hun score per "
            + "criterium. Vastgelegd als inzage.")
    @GetMapping("/linking-runs/{id}/proposals/{household}")
    ExplanationResource proposal(@PathVariable long id, @PathVariable long household) {
        var explanation = runs.explain(id, household);
        return new ExplanationResource(resource(explanation.proposal()), explanation.options().stream()
                .map(o -> new OptionResource(o.municipality().value(), o.parts().total(), o.parts().byCriterion()))
                .toList());
    }

    @Operation(summary = "Voorstellen aannemen", description = "Elk aangenomen voorstel wordt een koppeling in het "
            + "register (vandaag). Een voorstel waarvan het huishouden sinds de run gewijzigd of gekoppeld is, mislukt "
            + "met de reden; de andere gaan door. Al besloten voorstellen worden overgeslagen.")
    @PostMapping(path = "/linking-runs/{id}/acceptances", consumes = MediaType.APPLICATION_JSON_VALUE)
    DecisionResult accept(@PathVariable long id, @RequestBody Selection selection) {
        boolean all = Boolean.TRUE.equals(selection.all());
        var decided = runs.accept(id, all ? null : selection.named());
        return new DecisionResult(decided.decided(), decided.skipped(), decided.failures().stream()
                .map(f -> new FailureResource(f.householdId(), f.reference(), text(f.messageKey(), f.arguments())))
                .toList());
    }

    @Operation(summary = "Voorstellen afwijzen", description = "De huishoudens blijven ongekoppeld.")
    @PostMapping(path = "/linking-runs/{id}/rejections", consumes = MediaType.APPLICATION_JSON_VALUE)
    DecisionResult reject(@PathVariable long id, @RequestBody Selection selection) {
        var decided = runs.reject(id, selection.named(), selection.reason());
        return new DecisionResult(decided.decided(), decided.skipped(), List.of());
    }

    @Operation(summary = "Met de hand koppelen", description = "Koppelt het huishouden van een voorstel aan een andere "
            + "gemeente, met een reden; de regels van het register gelden (regio, bindende criteria).")
    @PostMapping(path = "/linking-runs/{id}/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ExplanationResource change(@PathVariable long id, @RequestBody Change change) {
        var input = new FormInput();
        var code = input.municipality("municipality", change.municipality());
        if (change.household() == null) {
            input.problem(Problem.of("household", "linkingApi.household.missing"));
        }
        input.check();
        runs.change(id, change.household(), code, change.reason());
        return proposal(id, change.household());
    }

    @Operation(summary = "Eerlijkheid van een run", description = "Per gemeente het deel van de resterende capaciteit "
            + "dat de run vult; per huishoudgrootte het deel voorgesteld en de mediane wachttijd (niet bij minder dan 5).")
    @GetMapping("/linking-runs/{id}/fairness")
    FairnessResource fairness(@PathVariable long id) {
        var run = runs.find(id).orElseThrow(() -> new LinkingRunNotFound(id));
        if (!run.finished()) {
            throw InvalidInput.of("run", "linking.run.notFinished", id);
        }
        return FairnessResource.of(runs.fairness(id));
    }
}
