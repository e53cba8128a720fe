package nl.doorstroom.quota.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.quota.ApportionmentMethod;
import nl.doorstroom.quota.DistributionKey;
import nl.doorstroom.quota.IndicatorVersion;
import nl.doorstroom.quota.Indicators;
import nl.doorstroom.quota.Merger;
import nl.doorstroom.quota.Mergers;
import nl.doorstroom.quota.NationalTotal;
import nl.doorstroom.quota.NationalTotals;
import nl.doorstroom.quota.PublishedQuota;
import nl.doorstroom.quota.QuotaCalculation;
import nl.doorstroom.quota.QuotaTransfer;
import nl.doorstroom.quota.QuotaTransfers;
import nl.doorstroom.quota.Quotas;
import nl.doorstroom.quota.WhatIf;
import nl.doorstroom.shared.HalfYear;
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

@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Taakstelling", description = "Landelijke taakstellingen, taakstelling per gemeente (Huisvestingswet 2014 art. 28-30), overdrachten, herindelingen, verdeelsleutels en what-if")
class QuotaApi {

    record NationalTotalResource(long id, String period, int total, LocalDate effectiveDate, String reason,
            boolean synthetic, String enteredBy, Instant enteredAt) {

        static NationalTotalResource of(NationalTotal t) {
            return new NationalTotalResource(t.id(), t.period().toString(), t.total(), t.effectiveDate(), t.reason(),
                    t.synthetic(), t.enteredBy(), t.enteredAt());
        }
    }

    record NationalTotalRequest(Integer total, LocalDate effectiveDate, String reason) {
    }

    record CalculationResource(long id, String period, long nationalTotalId, int nationalTotal,
            long populationVersionId, LocalDate populationReferenceDate, long populationTotal, boolean versionChosen,
            String choiceReason, LocalDate effectiveDate, String calculatedBy, Instant calculatedAt, long sum,
            int municipalities) {

        static CalculationResource of(PublishedQuota c) {
            return new CalculationResource(c.id(), c.period().toString(), c.nationalTotalId(), c.nationalTotal(),
                    c.populationVersionId(), c.populationReferenceDate(), c.populationTotal(), c.versionChosen(),
                    c.choiceReason(), c.effectiveDate(), c.calculatedBy(), c.calculatedAt(), c.sum(), c.municipalities());
        }
    }

    record CalculationRequest(Long populationVersionId, String choiceReason) {
    }

    record QuotaPeriodResource(String period, NationalTotalResource nationalTotal, CalculationResource calculation) {
    }

    record MunicipalQuotaResource(String municipality, long population, long quota, long transferred,
            long quotaAfterTransfers) {
    }

    record PeriodQuotasResource(String period, LocalDate date, CalculationResource calculation,
            List<MunicipalQuotaResource> quotas) {
    }

    record TransferResource(long id, String period, LocalDate agreedOn, String reason, boolean synthetic,
            String recordedBy, Instant recordedAt, Map<String, Integer> changes) {

        static TransferResource of(QuotaTransfer t) {
            var changes = new LinkedHashMap<String, Integer>();
            t.changes().forEach((code, change) -> changes.put(code.value(), change));
            return new TransferResource(t.id(), t.period().toString(), t.agreedOn(), t.reason(), t.synthetic(),
                    t.recordedBy(), t.recordedAt(), changes);
        }
    }

    record TransferRequest(String period, Map<String, Integer> changes, LocalDate agreedOn, String reason) {
    }

    record MergerResource(long id, String successor, List<String> predecessors, String effective, long population,
            LocalDate decidedOn, String reason, String recordedBy, Instant recordedAt) {

        static MergerResource of(Merger m) {
            return new MergerResource(m.id(), m.successor().value(),
                    m.predecessors().stream().map(MunicipalityCode::value).toList(), m.effective().toString(),
                    m.population(), m.decidedOn(), m.reason(), m.recordedBy(), m.recordedAt());
        }
    }

    record MergerRequest(String successor, List<String> predecessors, String effective, Long population,
            LocalDate decidedOn, String reason) {
    }

    record KeyResource(String code, List<TermResource> terms) {
    }

    record TermResource(List<String> factors, long numerator, long denominator) {
    }

    record MethodResource(String code, String description) {
    }

    record IndicatorVersionResource(long id, String indicator, LocalDate referenceDate, String label,
            boolean synthetic, String importedBy, Instant importedAt, int municipalityCount) {

        static IndicatorVersionResource of(IndicatorVersion v) {
            return new IndicatorVersionResource(v.id(), v.indicator(), v.referenceDate(), v.label(), v.synthetic(),
                    v.importedBy(), v.importedAt(), v.municipalityCount());
        }
    }

    record WhatIfRequest(String key, Map<String, Long> customWeights, Long total, Long largerTotal,
            Long populationVersionId, Map<String, Long> indicatorVersions) {
    }

    record WhatIfRow(String municipality, String name, BigDecimal sharePercent, BigDecimal exactShare,
            Map<ApportionmentMethod, Long> allocation, Map<ApportionmentMethod, Long> atLargerTotal,
            List<ApportionmentMethod> alabamaParadox) {
    }

    record WhatIfResult(String key, long total, long largerTotal, long populationVersionId,
            Map<String, Long> indicatorVersions, Map<ApportionmentMethod, Long> sums,
            Map<ApportionmentMethod, Integer> alabamaParadoxCounts, List<WhatIfRow> municipalities) {
    }

    private final NationalTotals totals;
    private final QuotaCalculation calculation;
    private final Quotas quotas;
    private final QuotaTransfers transfers;
    private final Mergers mergers;
    private final Indicators indicators;
    private final WhatIf whatIf;

    QuotaApi(NationalTotals totals, QuotaCalculation calculation, Quotas quotas, QuotaTransfers transfers,
            Mergers mergers, Indicators indicators, WhatIf whatIf) {
        this.totals = totals;
        this.calculation = calculation;
        this.quotas = quotas;
        this.transfers = transfers;
        this.mergers = mergers;
        this.indicators = indicators;
        this.whatIf = whatIf;
    }

    @Operation(summary = "Alle halfjaren met een landelijke taakstelling of berekening: de stand van vandaag")
    @GetMapping("/quota-periods")
    List<QuotaPeriodResource> periods() {
        var today = LocalDate.now(AuditTrail.ZONE);
        var periods = new TreeSet<HalfYear>(Comparator.reverseOrder());
        totals.all().forEach(t -> periods.add(t.period()));
        periods.addAll(calculation.periods());
        return periods.stream().map(p -> new QuotaPeriodResource(p.toString(),
                totals.latest(p).map(NationalTotalResource::of).orElse(null),
                calculation.current(p, today).map(CalculationResource::of).orElse(null)))
                .toList();
    }

    @Operation(summary = "De landelijke taakstelling van een halfjaar met haar geschiedenis (bijstellingen)")
    @GetMapping("/quota-periods/{period}/national-totals")
    List<NationalTotalResource> nationalTotals(@PathVariable String period) {
        return totals.history(parse(period)).stream().map(NationalTotalResource::of).toList();
    }

    @Operation(summary = "Voer de landelijke taakstelling in of stel haar bij (ministerie, beheer)")
    @PostMapping(path = "/quota-periods/{period}/national-totals", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<NationalTotalResource> enterNationalTotal(@PathVariable String period,
            @RequestBody NationalTotalRequest request) {
        var entered = totals.enter(parse(period), request.total(), request.effectiveDate(), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/quota-periods/" + entered.period() + "/national-totals"))
                .body(NationalTotalResource.of(entered));
    }

    @Operation(summary = "Alle berekeningen van een halfjaar, nieuwste eerst")
    @GetMapping("/quota-periods/{period}/calculations")
    List<CalculationResource> calculations(@PathVariable String period) {
        return calculation.of(parse(period)).stream().map(CalculationResource::of).toList();
    }

    @Operation(summary = "Bereken en publiceer de taakstelling per gemeente (art. 29 lid 1); zonder populationVersionId de wettelijke versie (1 januari van het jaar ervoor), anders met choiceReason")
    @PostMapping(path = "/quota-periods/{period}/calculations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CalculationResource> publish(@PathVariable String period,
            @RequestBody(required = false) CalculationRequest request) {
        var published = calculation.publish(parse(period), request == null ? null : request.populationVersionId(),
                request == null ? null : request.choiceReason());
        return ResponseEntity.created(URI.create("/api/v1/quota-periods/" + published.period() + "/quotas"))
                .body(CalculationResource.of(published));
    }

    @Operation(summary = "De taakstelling per gemeente zoals die gold op een datum (standaard vandaag), met overdrachten")
    @GetMapping("/quota-periods/{period}/quotas")
    PeriodQuotasResource quotas(@PathVariable String period, @RequestParam(required = false) LocalDate date) {
        var half = parse(period);
        var asOf = date == null ? LocalDate.now(AuditTrail.ZONE) : date;
        var book = quotas.book(List.of(half), asOf).get(half);
        var current = book.calculation().orElseThrow(NoSuchElementException::new);
        var published = calculation.quotasOf(current.id());
        var rows = new ArrayList<MunicipalQuotaResource>();
        book.lines().forEach((code, line) -> rows.add(new MunicipalQuotaResource(code.value(),
                published.get(code).population(), line.published(), line.transferred(), line.quota())));
        return new PeriodQuotasResource(half.toString(), asOf, CalculationResource.of(current), rows);
    }

    @Operation(summary = "Overdrachten van taakstelling tussen gemeenten (art. 29 lid 2); filter op ?municipality=GM0344")
    @GetMapping("/quota-transfers")
    List<TransferResource> transfers(@RequestParam(required = false) String municipality) {
        var list = municipality == null ? transfers.all() : transfers.involving(code("municipality", municipality));
        return list.stream().map(TransferResource::of).toList();
    }

    @Operation(summary = "Leg een overdracht vast; de wijzigingen tellen op tot 0 (de gezamenlijke taakstelling blijft gelijk)")
    @PostMapping(path = "/quota-transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TransferResource> agree(@RequestBody TransferRequest request) {
        var problems = new ArrayList<Problem>();
        var changes = new LinkedHashMap<MunicipalityCode, Integer>();
        var spellings = new LinkedHashMap<MunicipalityCode, List<String>>();
        if (request.changes() != null) {
            request.changes().forEach((code, change) -> {
                try {
                    var parsed = MunicipalityCode.parse(code);
                    changes.putIfAbsent(parsed, change);
                    spellings.computeIfAbsent(parsed, c -> new ArrayList<>()).add(code);
                }
                catch (IllegalArgumentException e) {
                    problems.add(Problem.of("changes", "transfer.party.unknown", code));
                }
            });
        }
        // GM0344, 0344 and 344 are one municipality: read into one map, one change would silently replace
        // the other. The transfer page refuses a municipality twice as well.
        spellings.forEach((code, written) -> {
            if (written.size() > 1) {
                problems.add(Problem.of("changes", "transfer.party.duplicate", code.value(),
                        String.join(", ", written)));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var agreed = transfers.agree(request.period() == null ? null : parse(request.period()), changes,
                request.agreedOn(), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/quota-transfers?municipality="
                + agreed.changes().firstKey().value())).body(TransferResource.of(agreed));
    }

    @Operation(summary = "Herindelingen zoals de taakstelling ze kent (art. 30)")
    @GetMapping("/mergers")
    List<MergerResource> mergers() {
        return mergers.all().stream().map(MergerResource::of).toList();
    }

    @Operation(summary = "Leg een herindeling vast: de opvolger neemt de geschiedenis over met het inwonertal dat de provincie vaststelde")
    @PostMapping(path = "/mergers", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MergerResource> recordMerger(@RequestBody MergerRequest request) {
        Set<MunicipalityCode> predecessors = new HashSet<>();
        if (request.predecessors() != null) {
            request.predecessors().forEach(p -> predecessors.add(code("predecessors", p)));
        }
        var merger = mergers.record(request.successor() == null ? null : code("successor", request.successor()),
                predecessors, request.effective() == null ? null : parse(request.effective()), request.population(),
                request.decidedOn(), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/mergers")).body(MergerResource.of(merger));
    }

    @Operation(summary = "De verdeelsleutels: gewogen sommen van aandelen in indicatoren")
    @GetMapping("/distribution-keys")
    List<KeyResource> keys() {
        return List.of(DistributionKey.population(),
                DistributionKey.welfareCorrectedPopulation(),
                DistributionKey.koenigstein(), DistributionKey.euSolidarity())
                .stream().map(k -> new KeyResource(k.code(), k.terms().stream()
                        .map(t -> new TermResource(t.factors(), t.numerator(), t.denominator())).toList()))
                .toList();
    }

    @Operation(summary = "De verdeelmethoden")
    @GetMapping("/apportionment-methods")
    List<MethodResource> methods() {
        return List.of(new MethodResource(ApportionmentMethod.ROUND_UP.name(),
                        "Huisvestingswet 2014 art. 29(1): each share rounded up; the sum may exceed the total"),
                new MethodResource(ApportionmentMethod.LARGEST_REMAINDER.name(),
                        "Hamilton: floor of the exact share, the rest to the largest remainders"),
                new MethodResource(ApportionmentMethod.SAINTE_LAGUE.name(), "Divisor method with divisors 1, 3, 5, …"),
                new MethodResource(ApportionmentMethod.DHONDT.name(), "Divisor method with divisors 1, 2, 3, …"));
    }

    @Operation(summary = "Versies van indicatoren (welvaartscorrectie, belastinginkomsten, bbp)")
    @GetMapping("/indicator-versions")
    List<IndicatorVersionResource> indicatorVersions() {
        return indicators.versions().stream().map(IndicatorVersionResource::of).toList();
    }

    @Operation(summary = "Importeer een indicator als CSV (municipality,value) voor alle gemeenten; alles of niets")
    @PostMapping(path = "/indicator-versions", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<IndicatorVersionResource> importIndicator(HttpServletRequest request, @RequestParam String indicator,
            @RequestParam(required = false) LocalDate referenceDate, @RequestParam(required = false) String label)
            throws IOException {
        var version = indicators.importVersion(indicator,
                new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8), referenceDate, label);
        return ResponseEntity.created(URI.create("/api/v1/indicator-versions")).body(IndicatorVersionResource.of(version));
    }

    @Operation(summary = "What-if: verdeel een totaal met een sleutel volgens alle methoden naast elkaar, met de Alabama-paradox tegenover largerTotal (standaard total + 1). Wordt niet opgeslagen.")
    @PostMapping(path = "/what-if-runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    WhatIfResult whatIf(@RequestBody WhatIfRequest request) {
        var result = whatIf.run(new WhatIf.Request(request.key(), request.customWeights(), request.total(),
                request.largerTotal(), request.populationVersionId(), request.indicatorVersions()));
        return new WhatIfResult(result.key(), result.total(), result.largerTotal(), result.populationVersionId(),
                result.indicatorVersions(), result.sums(), result.paradoxCounts(), result.rows().stream()
                        .map(r -> new WhatIfRow(r.municipality().code().value(), r.municipality().name(),
                                r.sharePercent(), r.exactShare(), r.allocation(), r.atLargerTotal(), r.paradox()))
                        .toList());
    }

    private static HalfYear parse(String period) {
        try {
            return HalfYear.parse(period);
        }
        catch (IllegalArgumentException e) {
            throw InvalidInput.of("period", "quota.period.invalid", period);
        }
    }

    private static MunicipalityCode code(String field, String code) {
        try {
            return MunicipalityCode.parse(code);
        }
        catch (IllegalArgumentException e) {
            throw InvalidInput.of(field, "transfer.party.unknown", code);
        }
    }
}
