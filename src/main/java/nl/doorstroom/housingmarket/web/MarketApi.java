package nl.doorstroom.housingmarket.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.housingmarket.FiguresForm;
import nl.doorstroom.housingmarket.HousingCorporation;
import nl.doorstroom.housingmarket.HousingStocks;
import nl.doorstroom.housingmarket.MarketFigures;
import nl.doorstroom.housingmarket.MarketImport;
import nl.doorstroom.housingmarket.MarketNotFound;
import nl.doorstroom.housingmarket.MunicipalFigures;
import nl.doorstroom.housingmarket.SizeBand;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The housing market over the API: the corporations, a corporation's figures per municipality and year, changing one
 * row with the version read (409 with what is stored now), importing a corporation's year (all or nothing), and the
 * market of an area summed (stock, vacancies, allocation share, waiting list).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Woningmarkt", description = "Sociale huurwoningen van woningcorporaties per gemeente en jaar: woningen en "
        + "vrijkomende woningen per grootteklasse, het deel dat aan vergunninghouders is toegewezen, en de reguliere "
        + "wachtlijst. Alleen aantallen, geen persoonsgegevens.")
class MarketApi {

    static final String SCOPE_NOTE = " Landelijke rollen lezen alles, een provincie haar gemeenten, een gemeente zichzelf, "
            + "een corporatie alleen haar eigen cijfers. Wijzigen: landelijk coördinatoren en beheerders voor elke "
            + "corporatie, een corporatie haar eigen cijfers voor de gemeenten die zij bedient.";

    record CorporationResource(long id, String name, String code, boolean synthetic, int version, String changedBy,
            Instant changedAt) {

        static CorporationResource of(HousingCorporation c) {
            return new CorporationResource(c.id(), c.name(), c.code(), c.synthetic(), c.version(), c.changedBy(),
                    c.changedAt());
        }
    }

    @Schema(description = "Een nieuwe corporatie")
    record CorporationRequest(@Schema(example = "Woonstichting De Brug") String name,
            @Schema(description = "Optionele korte code", example = "L1234") String code) {
    }

    record FiguresResource(long corporationId, String corporation, String municipality, String municipalityName,
            int year, Map<SizeBand, Integer> homes, Map<SizeBand, Integer> vacancies, int allocated,
            @Schema(description = "Toegewezen aan vergunninghouders gedeeld door vrijkomend, 0 tot 1") double allocationShare,
            int activeSeekers, Double medianWaitMonths, Integer newSeekersPerYear, boolean synthetic, int version,
            String changedBy, Instant changedAt) {

        static FiguresResource of(MunicipalFigures f, String municipalityName) {
            return new FiguresResource(f.corporationId(), f.corporationName(), f.municipality().value(), municipalityName,
                    f.year(), f.homes(), f.vacancies(), f.allocated(), f.allocationShare(), f.activeSeekers(),
                    f.medianWaitMonths(), f.newSeekersPerYear(), f.synthetic(), f.version(), f.changedBy(), f.changedAt());
        }
    }

    @Schema(description = "De cijfers van één gemeente en jaar. Problemen noemen deze veldnamen (homes.SMALL, allocated, ...).")
    record FiguresRequest(
            @Schema(description = "De laatst gelezen versie; 0 voor een rij die nog niet bestaat. Intussen gewijzigd: 409")
            Integer version,
            @Schema(description = "Sociale huurwoningen per grootteklasse (SMALL, MEDIUM, LARGE, EXTRA_LARGE)")
            Map<SizeBand, Integer> homes,
            @Schema(description = "Vrijkomende woningen per jaar per grootteklasse") Map<SizeBand, Integer> vacancies,
            @Schema(description = "Daarvan toegewezen aan vergunninghouders") Integer allocated,
            @Schema(description = "Actief woningzoekenden op de reguliere wachtlijst") Integer activeSeekers,
            @Schema(description = "Mediane inschrijfduur bij toewijzing, in maanden") Double medianWaitMonths,
            @Schema(description = "Optioneel: nieuwe reguliere woningzoekenden per jaar") Integer newSeekersPerYear) {

        FiguresForm form() {
            return new FiguresForm(homes, vacancies, allocated, activeSeekers, medianWaitMonths, newSeekersPerYear);
        }
    }

    record ImportResource(long id, long corporationId, int year, int rows, int replaced, boolean synthetic,
            String importedBy, Instant importedAt) {

        static ImportResource of(MarketImport i) {
            return new ImportResource(i.id(), i.corporationId(), i.year(), i.rows(), i.replaced(), i.synthetic(),
                    i.importedBy(), i.importedAt());
        }
    }

    record AreaResource(@Schema(description = "NATION, PROVINCE, MUNICIPALITY of MUNICIPALITIES") String kind,
            String code, String name, int year, Set<String> municipalities, Map<SizeBand, Long> homes, long totalHomes,
            Map<SizeBand, Long> vacanciesPerYear, long totalVacanciesPerYear,
            @Schema(description = "Toegewezen aan vergunninghouders over alle vrijkomende woningen, 0 tot 1") double allocationShare,
            long activeSeekers,
            @Schema(description = "Gemeten over gemeenten: het gemiddelde van de medianen, gewogen naar actief woningzoekenden")
            Double medianWaitMonths, Long newSeekersPerYear,
            @Schema(description = "Gemeenten van het gebied zonder cijfers dat jaar") Set<String> withoutFigures,
            boolean synthetic) {

        static AreaResource of(MarketArea area, MarketFigures f) {
            return new AreaResource(area.kind(), area.code(), area.name(), f.year(), codes(f.municipalities()), f.homes(),
                    f.totalHomes(), f.vacanciesPerYear(), f.totalVacanciesPerYear(), f.allocationShare(),
                    f.activeSeekers(), f.medianWaitMonths(), f.newSeekersPerYear(), codes(f.withoutFigures()),
                    f.synthetic());
        }

        private static Set<String> codes(Set<MunicipalityCode> codes) {
            return new java.util.TreeSet<>(codes.stream().map(MunicipalityCode::value).toList());
        }
    }

    /** A conflict, answered with what is stored now. */
    static final class Stale extends RuntimeException {

        private final transient Object current;

        Stale(Object current) {
            super("Changed by someone else in the meantime", null, false, false);
            this.current = current;
        }
    }

    private final HousingStocks stocks;
    private final MunicipalityRegistry registry;
    private final MessageSource messages;

    MarketApi(HousingStocks stocks, MunicipalityRegistry registry, MessageSource messages) {
        this.stocks = stocks;
        this.registry = registry;
        this.messages = messages;
    }

    @Operation(summary = "De woningcorporaties", description = "Een corporatie ziet alleen zichzelf." + SCOPE_NOTE)
    @GetMapping("/housing-corporations")
    List<CorporationResource> corporations() {
        return stocks.corporations().stream().map(CorporationResource::of).toList();
    }

    @Operation(summary = "Registreer een woningcorporatie", description = "Antwoordt 201. De naam is uniek; bij een "
            + "corporatie-account is het de naam van de organisatie. Alleen landelijk coördinatoren en beheerders.")
    @ApiResponse(responseCode = "201", description = "Geregistreerd")
    @PostMapping(path = "/housing-corporations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CorporationResource> register(@RequestBody CorporationRequest request) {
        long id = stocks.registerCorporation(request.name(), request.code());
        var created = stocks.corporation(id).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/housing-corporations/" + id)).body(CorporationResource.of(created));
    }

    @Operation(summary = "De cijfers van een corporatie", description = "Per gemeente: woningen en vrijkomende woningen per "
            + "grootteklasse, toegewezen aan vergunninghouders, de wachtlijst, en de versie die een wijziging noemt. "
            + "Zonder 'year' het laatste jaar met cijfers. 404 als de corporatie niet bestaat of buiten uw scope ligt."
            + SCOPE_NOTE)
    @GetMapping("/housing-corporations/{id}/market-figures")
    List<FiguresResource> figures(@PathVariable long id,
            @Parameter(description = "Jaar, zoals 2026") @RequestParam(required = false) Integer year) {
        var chosen = year != null ? year : stocks.latestYear().orElse(HousingStocks.lastYear() - 1);
        var names = registry.names();
        return stocks.figuresOf(id, chosen).stream()
                .map(f -> FiguresResource.of(f, names.getOrDefault(f.municipality(), f.municipality().value()))).toList();
    }

    @Operation(summary = "Wijzig de cijfers van één gemeente en jaar", description = "'version' is de laatst gelezen versie "
            + "(0 voor een nieuwe rij); is de rij intussen gewijzigd, dan 409 met wat nu is opgeslagen ('current'). Alle "
            + "problemen tegelijk, met de veldnaam: negatief, ontbrekend, meer toegewezen dan vrijgekomen." + SCOPE_NOTE)
    @ApiResponse(responseCode = "409", description = "Intussen gewijzigd", content = @Content(mediaType = "application/problem+json"))
    @PutMapping(path = "/housing-corporations/{id}/market-figures/{year}/{municipality}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    FiguresResource change(@PathVariable long id, @PathVariable int year, @PathVariable String municipality,
            @RequestBody FiguresRequest request) {
        if (request.version() == null) {
            throw InvalidInput.of("version", "housingmarket.version.missing");
        }
        var code = municipality(municipality);
        var changed = guarded(() -> stocks.change(id, code, year, request.version(), request.form()),
                () -> stocks.figure(id, code, year).map(f -> FiguresResource.of(f, name(code))).orElse(null));
        return FiguresResource.of(changed, name(code));
    }

    @Operation(summary = "Importeer de cijfers van een corporatie over een jaar; alles of niets",
            description = "CSV (komma of puntkomma, UTF-8) of Excel (XLSX) als body, of multipart met het deel 'file'. Eén "
                    + "rij per gemeente met de kolommen gemeentecode, woningen_klein, woningen_middel, woningen_groot, "
                    + "woningen_extra_groot, vrijkomend_klein, vrijkomend_middel, vrijkomend_groot, vrijkomend_extra_groot, "
                    + "toegewezen_vergunninghouders, actief_woningzoekenden, mediane_inschrijfduur_maanden en (optioneel) "
                    + "nieuwe_woningzoekenden_per_jaar. Bij één fout wordt niets opgeslagen en komt elk probleem terug met rij "
                    + "en kolom. Cijfers die de corporatie al had voor die gemeente en dat jaar worden vervangen ('replaced')."
                    + SCOPE_NOTE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "201", description = "Alle rijen zijn opgeslagen")
    @PostMapping(path = "/housing-corporations/{id}/market-figures/imports", consumes = { "text/csv",
            MediaType.TEXT_PLAIN_VALUE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            MediaType.APPLICATION_OCTET_STREAM_VALUE })
    ResponseEntity<ImportResource> importFile(@PathVariable long id, @RequestParam Integer year, HttpServletRequest request)
            throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ImportResource.of(stocks.importFile(id, year, request.getInputStream())));
    }

    @Operation(hidden = true)
    @PostMapping(path = "/housing-corporations/{id}/market-figures/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportResource> importPart(@PathVariable long id, @RequestParam Integer year,
            @RequestPart(required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "housingmarket.import.file.empty");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ImportResource.of(stocks.importFile(id, year, file.getInputStream())));
    }

    @Operation(summary = "De imports van een corporatie", description = "Nieuwste eerst." + SCOPE_NOTE)
    @GetMapping("/housing-corporations/{id}/market-figures/imports")
    List<ImportResource> imports(@PathVariable long id) {
        return stocks.imports(id).stream().map(ImportResource::of).toList();
    }

    @Operation(summary = "De woningmarkt van een gebied", description = "Opgeteld over corporaties en gemeenten: woningen "
            + "en vrijkomende woningen per grootteklasse, het toewijzingsaandeel (gewogen naar vrijkomende woningen), "
            + "actief woningzoekenden en de mediane inschrijfduur (het gemiddelde van de medianen, gewogen naar "
            + "woningzoekenden). Met 'province' of 'municipality' (niet beide); zonder: alles wat u mag zien. Zonder "
            + "'year' het laatste jaar met cijfers." + SCOPE_NOTE)
    @GetMapping("/market-figures")
    AreaResource area(@Parameter(description = "Jaar, zoals 2026") @RequestParam(required = false) Integer year,
            @Parameter(description = "Provincie, zoals PV26") @RequestParam(required = false) String province,
            @Parameter(description = "Gemeente, zoals GM0344") @RequestParam(required = false) String municipality) {
        var area = MarketArea.resolve(province, municipality, registry, stocks);
        var chosen = year != null ? year : stocks.latestYear().orElse(HousingStocks.lastYear() - 1);
        return AreaResource.of(area, stocks.figuresFor(area.municipalities(), chosen));
    }

    private MunicipalityCode municipality(String text) {
        try {
            return MunicipalityCode.parse(text);
        }
        catch (IllegalArgumentException e) {
            throw InvalidInput.of("municipality", "housingmarket.municipality.unknown", text);
        }
    }

    private String name(MunicipalityCode code) {
        return registry.find(code).map(Municipality::name).orElse(code.value());
    }

    /** Runs a change; a conflict is answered with what is stored now, as {@code current} reads it. */
    private static <T> T guarded(Supplier<T> change, Supplier<Object> current) {
        try {
            return change.get();
        }
        catch (EditConflict e) {
            throw new Stale(current.get());
        }
    }

    @ExceptionHandler(Stale.class)
    ResponseEntity<ProblemDetail> conflict(Stale e, HttpServletRequest request) {
        var problem = problem(HttpStatus.CONFLICT, "api.conflict", request);
        problem.setDetail(messages.getMessage("housingmarket.api.conflict", null, LocaleContextHolder.getLocale()));
        problem.setProperty("current", e.current);
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A corporation that does not exist or lies outside the caller's scope: the two are not told apart. */
    @ExceptionHandler(MarketNotFound.class)
    ResponseEntity<ProblemDetail> notFound(MarketNotFound e, HttpServletRequest request) {
        var problem = problem(HttpStatus.NOT_FOUND, "api.notFound", request);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ProblemDetail problem(HttpStatus status, String key, HttpServletRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage(key + ".title", null, key, locale));
        problem.setDetail(messages.getMessage(key + ".detail", null, key, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
