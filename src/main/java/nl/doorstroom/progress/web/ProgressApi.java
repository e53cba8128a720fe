package nl.doorstroom.progress.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Region;
import nl.doorstroom.municipalities.Regions;
import nl.doorstroom.progress.MunicipalityProgress;
import nl.doorstroom.progress.PeriodProgress;
import nl.doorstroom.progress.PeriodTotals;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.progress.Realisation;
import nl.doorstroom.progress.RealisationImport;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Voortgang", description = "Realisatie tegenover de gecorrigeerde taakstelling, op elke peildatum")
class ProgressApi {

    record Period(String period, boolean complete, long quota, long carriedIn, long correctedQuota, long housed,
            long balance, BigDecimal realisationPercent, BigDecimal expected, BigDecimal weeksBehind, String colour,
            boolean provisional, boolean excused) {

        static Period of(PeriodProgress p) {
            return new Period(p.period().toString(), p.complete(), p.quota(), p.carriedIn(), p.correctedQuota(),
                    p.housed(), p.balance(), round(p.realisationPercent()), round(p.expected()), round(p.weeksBehind()),
                    p.colour().name(), !p.complete(), p.excused());
        }
    }

    record Totals(String period, boolean complete, int municipalities, long quota, long carriedIn, long correctedQuota,
            long housed, long remaining, long advance, BigDecimal realisationPercent, BigDecimal expected,
            BigDecimal weeksBehind, int met, int green, int orange, int red, int excused) {

        static Totals of(PeriodTotals t) {
            return new Totals(t.period().toString(), t.complete(), t.municipalities(), t.quota(), t.carriedIn(),
                    t.correctedQuota(), t.housed(), t.remaining(), t.advance(), round(t.realisationPercent()),
                    round(t.expected()), round(t.weeksBehind()), t.met(), t.green(), t.orange(), t.red(), t.excused());
        }
    }

    /** @param measuredThrough the last day the monthly figures cover; the pace is measured up to it */
    record AreaProgress(String code, String name, LocalDate date, LocalDate measuredThrough, List<Totals> periods) {
    }

    record MunicipalitySummary(String code, String name, String province, Period current, String lastColour,
            int missedInARow) {

        static MunicipalitySummary of(MunicipalityProgress m) {
            return new MunicipalitySummary(m.code().value(), m.name(), m.province().value(), Period.of(m.current()),
                    m.lastAssessed().map(p -> p.colour().name()).orElse(null), m.missedInARow());
        }
    }

    record MunicipalityDetail(String code, String name, String province, LocalDate date, List<Period> periods,
            int missedInARow) {
    }

    record ImportResource(long id, String source, String label, int rows, String importedBy, Instant importedAt) {

        static ImportResource of(RealisationImport i) {
            return new ImportResource(i.id(), i.source(), i.label(), i.rows(), i.importedBy(), i.importedAt());
        }
    }

    private final ProgressMonitor monitor;
    private final Realisation realisation;
    private final MunicipalityRegistry registry;
    private final Regions regions;

    ProgressApi(ProgressMonitor monitor, Realisation realisation, MunicipalityRegistry registry, Regions regions) {
        this.monitor = monitor;
        this.realisation = realisation;
        this.registry = registry;
        this.regions = regions;
    }

    @Operation(summary = "Landelijke voortgang per halfjaar op een peildatum (standaard vandaag)")
    @GetMapping("/progress")
    AreaProgress nation(@RequestParam(required = false) String date) {
        var picture = monitor.at(ProgressRequests.parseDate(date));
        return new AreaProgress("NL", "Nederland", picture.date(), picture.measuredThrough(), picture.nation().stream().map(Totals::of).toList());
    }

    @Operation(summary = "Voortgang per gemeente in het halfjaar van de peildatum; filter op ?province=PV26 of ?region=COA-3, gesorteerd op achterstand")
    @GetMapping("/progress/municipalities")
    List<MunicipalitySummary> municipalities(@RequestParam(required = false) String date,
            @RequestParam(required = false) String province, @RequestParam(required = false) String region) {
        var picture = monitor.at(ProgressRequests.parseDate(date));
        Set<MunicipalityCode> members = region == null ? null
                : regions.find(region).map(Region::members).map(Set::copyOf).orElseThrow(NoSuchElementException::new);
        return picture.municipalities().stream()
                .filter(m -> province == null || m.province().value().equals(province))
                .filter(m -> members == null || members.contains(m.code()))
                .sorted(java.util.Comparator.comparingLong((MunicipalityProgress m) -> m.current().shortfall()).reversed()
                        .thenComparing(MunicipalityProgress::name))
                .map(MunicipalitySummary::of).toList();
    }

    @Operation(summary = "Eén gemeente: taakstelling, overloop, realisatie en beoordeling per halfjaar")
    @GetMapping("/progress/municipalities/{code}")
    MunicipalityDetail municipality(@PathVariable String code, @RequestParam(required = false) String date) {
        var municipality = ProgressRequests.parseCode(code).flatMap(registry::find).orElseThrow(NoSuchElementException::new);
        var picture = monitor.at(ProgressRequests.parseDate(date));
        var progress = picture.municipality(municipality.code()).orElseThrow(NoSuchElementException::new);
        return new MunicipalityDetail(municipality.code().value(), municipality.name(), municipality.province().value(),
                picture.date(), progress.history().stream().map(Period::of).toList(), progress.missedInARow());
    }

    @Operation(summary = "Eén provincie: totalen per halfjaar")
    @GetMapping("/progress/provinces/{code}")
    AreaProgress province(@PathVariable String code, @RequestParam(required = false) String date) {
        var province = ProgressRequests.parseProvince(code).flatMap(registry::province).orElseThrow(NoSuchElementException::new);
        var picture = monitor.at(ProgressRequests.parseDate(date));
        return new AreaProgress(province.code().value(), province.name(), picture.date(), picture.measuredThrough(),
                picture.province(province.code()).stream().map(Totals::of).toList());
    }

    @Operation(summary = "Eén regio: totalen per halfjaar")
    @GetMapping("/progress/regions/{code}")
    AreaProgress region(@PathVariable String code, @RequestParam(required = false) String date) {
        var region = regions.find(code).orElseThrow(NoSuchElementException::new);
        var picture = monitor.at(ProgressRequests.parseDate(date));
        return new AreaProgress(region.code(), region.name(), picture.date(), picture.measuredThrough(),
                picture.totals(Set.copyOf(region.members())).stream().map(Totals::of).toList());
    }

    @Operation(summary = "Leveringen van maandcijfers (gehuisvest per gemeente per maand)")
    @GetMapping("/realisation-imports")
    List<ImportResource> imports() {
        return realisation.imports().stream().map(ImportResource::of).toList();
    }

    @Operation(summary = "Eén levering van maandcijfers")
    @GetMapping("/realisation-imports/{id}")
    ImportResource importOf(@PathVariable long id) {
        return realisation.imports().stream().filter(i -> i.id() == id).findFirst().map(ImportResource::of)
                .orElseThrow(NoSuchElementException::new);
    }

    @Operation(summary = "Importeer COA-maandcijfers als CSV (municipality,month,persons); alles of niets")
    @PostMapping(path = "/realisation-imports", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<ImportResource> importFigures(HttpServletRequest request,
            @RequestParam(required = false) String label) throws IOException {
        var imported = realisation.importFile(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8),
                label);
        return ResponseEntity.created(URI.create("/api/v1/realisation-imports/" + imported.id()))
                .body(ImportResource.of(imported));
    }

    private static BigDecimal round(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
}
