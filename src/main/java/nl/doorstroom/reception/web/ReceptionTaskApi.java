package nl.doorstroom.reception.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.quota.ApportionmentMethod;
import nl.doorstroom.reception.FigureImport;
import nl.doorstroom.reception.FigureKind;
import nl.doorstroom.reception.ReceptionTasks;
import nl.doorstroom.reception.TaskCalculation;
import nl.doorstroom.reception.TaskPicture;
import nl.doorstroom.reception.TaskTotal;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The municipal reception task under the distribution act over the API: the national total, the computations, the
 * task per municipality with places provided and displaced Ukrainians, and the imports of reported figures.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Opvangtaak (Spreidingswet)", description = "De opvangtaak per gemeente onder de Spreidingswet: het landelijke "
        + "aantal plaatsen, verdeeld naar inwonertal gecorrigeerd met de welvaartsfactor (CBS SES-WOA), de gemeentelijke "
        + "opvangplaatsen die gemeenten opgeven en de Oekraïense ontheemden in gemeentelijke opvang. Alleen aantallen.")
class ReceptionTaskApi {

    static final String READERS_NOTE = " Lezen mogen het coördinatiecentrum, het ministerie en COA (alle gemeenten), een "
            + "provincie (haar gemeenten) en een gemeente (zichzelf).";

    record TotalRequest(@Schema(example = "96000") Integer total,
            @Schema(description = "Vanaf wanneer het aantal geldt", example = "2024-02-01") LocalDate effectiveDate,
            @Schema(example = "Landelijk aantal volgens de Spreidingswet") String reason) {
    }

    @Schema(description = "Het landelijke aantal opvangplaatsen vanaf een datum; zonder id het aantal uit de wet (96.000)")
    record TotalResource(Long id, int total, LocalDate effectiveDate, String reason, boolean synthetic,
            String enteredBy, Instant enteredAt) {

        static TotalResource of(TaskTotal t) {
            return new TotalResource(t.id(), t.total(), t.effectiveDate(), t.reason(), t.synthetic(), t.enteredBy(),
                    t.enteredAt());
        }
    }

    record TotalList(@Schema(description = "Het aantal dat vandaag geldt") TotalResource inForce,
            List<TotalResource> items) {
    }

    record CalculationRequest(@Schema(description = "Vanaf wanneer de berekening geldt; het landelijke aantal dat dan "
            + "geldt wordt verdeeld", example = "2024-02-01") LocalDate effectiveDate,
            @Schema(description = "Standaard de nieuwste bevolkingsversie") Long populationVersionId,
            @Schema(description = "Versie van de indicator welfare-factor (quota-module); standaard de nieuwste")
            Long welfareVersionId,
            @Schema(description = "LARGEST_REMAINDER (standaard; telt precies op tot het totaal), ROUND_UP (telt hoger "
                    + "op), SAINTE_LAGUE of DHONDT", example = "LARGEST_REMAINDER") String method) {
    }

    @Schema(description = "Een opgeslagen berekening, met alles waaruit zij volgt")
    record CalculationResource(long id, Long totalId, int total,
            @Schema(description = "De som van de taken") long allocated,
            @Schema(description = "Wat afronding boven het totaal uitdeelt (alleen bij ROUND_UP meer dan 0)") long excess,
            String distributionKey, ApportionmentMethod method, long populationVersionId, long welfareVersionId,
            LocalDate effectiveDate, boolean synthetic, String computedBy, Instant computedAt) {

        static CalculationResource of(TaskCalculation c) {
            return new CalculationResource(c.id(), c.totalId(), c.total(), c.allocated(), c.excess(),
                    c.distributionKey(), c.method(), c.populationVersionId(), c.welfareVersionId(), c.effectiveDate(),
                    c.synthetic(), c.computedBy(), c.computedAt());
        }
    }

    @Schema(description = "De opvangtaak van een gemeente, met wat zij opgeeft")
    record TaskResource(String municipality, String name, String province, long population, BigDecimal welfareFactor,
            long task, @Schema(description = "Taak per 1.000 inwoners") BigDecimal placesPerThousand,
            @Schema(description = "Gemeentelijke opvangplaatsen volgens de gemeente; leeg als nog niet opgegeven")
            Long municipalPlaces, LocalDate municipalPlacesDate,
            @Schema(description = "Plaatsen gedeeld door de taak (1 = taak gehaald)") BigDecimal shareProvided,
            @Schema(description = "Oekraïense ontheemden in gemeentelijke opvang") Long ukrainians,
            LocalDate ukrainiansDate) {
    }

    record TaskList(LocalDate date, TotalResource total,
            @Schema(description = "De berekening die op de datum geldt; leeg als er nog geen is") CalculationResource calculation,
            List<TaskResource> items) {
    }

    record ImportResource(long id, FigureKind kind, String label, boolean synthetic, int rows, long sum,
            LocalDate latestReferenceDate, String importedBy, Instant importedAt) {

        static ImportResource of(FigureImport i) {
            return new ImportResource(i.id(), i.kind(), i.label(), i.synthetic(), i.rows(), i.sum(),
                    i.latestReferenceDate(), i.importedBy(), i.importedAt());
        }
    }

    @Schema(description = "Een formulier met het bestand (CSV)")
    record FileUpload(@Schema(type = "string", format = "binary") String file) {
    }

    private final ReceptionTasks tasks;
    private final MunicipalityRegistry registry;

    ReceptionTaskApi(ReceptionTasks tasks, MunicipalityRegistry registry) {
        this.tasks = tasks;
        this.registry = registry;
    }

    @Operation(summary = "Het landelijke aantal opvangplaatsen met zijn geschiedenis", description = READERS_NOTE)
    @GetMapping("/reception-task-totals")
    TotalList totals() {
        return new TotalList(TotalResource.of(tasks.totalOn(ReceptionTasks.today())),
                tasks.totals().stream().map(TotalResource::of).toList());
    }

    @Operation(summary = "Stel het landelijke aantal opvangplaatsen vast vanaf een datum",
            description = "Een wijziging is een nieuwe regel met datum en reden; niets wordt overschreven. Alleen het "
                    + "coördinatiecentrum en het ministerie.")
    @ApiResponse(responseCode = "201", description = "Vastgelegd")
    @PostMapping(path = "/reception-task-totals", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TotalResource> enterTotal(@RequestBody TotalRequest request) {
        var total = tasks.enterTotal(request.total(), request.effectiveDate(), request.reason());
        return ResponseEntity.status(201).body(TotalResource.of(total));
    }

    @Operation(summary = "De berekeningen van de opvangtaak, nieuwste ingangsdatum eerst", description = READERS_NOTE)
    @GetMapping("/reception-task-calculations")
    List<CalculationResource> calculations() {
        return tasks.calculations().stream().map(CalculationResource::of).toList();
    }

    @Operation(summary = "Bereken de opvangtaak van elke gemeente en sla de berekening op",
            description = "Verdeelt het landelijke aantal dat op de ingangsdatum geldt naar inwonertal maal "
                    + "welvaartsfactor (sleutel welfare-corrected-population van de quota-module). De gebruikte "
                    + "bevolkingsversie, welvaartsversie en methode worden bewaard, zodat de uitkomst herhaalbaar is. "
                    + "Alleen het coördinatiecentrum en het ministerie.")
    @ApiResponse(responseCode = "201", description = "Berekend en opgeslagen")
    @PostMapping(path = "/reception-task-calculations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CalculationResource> calculate(@RequestBody CalculationRequest request) {
        ApportionmentMethod method = null;
        if (request.method() != null && !request.method().isBlank()) {
            method = Arrays.stream(ApportionmentMethod.values())
                    .filter(m -> m.name().equalsIgnoreCase(request.method().strip())).findFirst()
                    .orElseThrow(() -> InvalidInput.of("method", "receptionTask.method.unknown", request.method(),
                            String.join(", ", Arrays.stream(ApportionmentMethod.values()).map(Enum::name).toList())));
        }
        var calculation = tasks.calculate(request.effectiveDate(), request.populationVersionId(),
                request.welfareVersionId(), method);
        return ResponseEntity.status(201).body(CalculationResource.of(calculation));
    }

    @Operation(summary = "De opvangtaak per gemeente op een datum, met opgegeven plaatsen en Oekraïense ontheemden",
            description = "Volgens de berekening die op de datum geldt; plaatsen en ontheemden zoals laatst opgegeven op "
                    + "of vóór de datum." + READERS_NOTE)
    @GetMapping("/reception-tasks")
    TaskList taskList(@Parameter(description = "Peildatum (jjjj-mm-dd); standaard vandaag") @RequestParam(required = false)
            LocalDate date, @Parameter(description = "Provincie, zoals PV26") @RequestParam(required = false) String province) {
        var on = date == null ? ReceptionTasks.today() : date;
        ProvinceCode chosen = null;
        if (province != null && !province.isBlank()) {
            try {
                chosen = ProvinceCode.of(province.strip());
            }
            catch (IllegalArgumentException e) {
                chosen = null;
            }
            if (chosen == null || registry.province(chosen).isEmpty()) {
                throw InvalidInput.of("province", "receptionTask.province.unknown", province);
            }
        }
        var items = new ArrayList<TaskResource>();
        for (TaskPicture p : tasks.tasks(on, chosen)) {
            var municipality = registry.find(p.code());
            items.add(new TaskResource(p.code().value(), municipality.map(m -> m.name()).orElse(null),
                    municipality.map(m -> m.province().value()).orElse(null), p.population(), p.welfareFactor(),
                    p.task(), p.placesPerThousand(), p.municipalPlaces(), p.municipalPlacesDate(), p.shareProvided(),
                    p.ukrainians(), p.ukrainiansDate()));
        }
        return new TaskList(on, TotalResource.of(tasks.totalOn(on)),
                tasks.calculationOn(on).map(CalculationResource::of).orElse(null), items);
    }

    static final String IMPORT_NOTE = " CSV (komma of puntkomma, UTF-8) met kopregel; elke regel een gemeente (CBS-code), "
            + "het aantal en de peildatum (reference_date, jjjj-mm-dd of d-m-jjjj). Elke import is een nieuwe versie; "
            + "per gemeente geldt het aantal met de laatste peildatum. Bij één fout wordt niets opgeslagen en komt elk "
            + "probleem terug met rij (regel in het bestand) en kolom. Als body (text/csv) of als deel 'file' van "
            + "multipart/form-data. Alleen het coördinatiecentrum en beheerders.";

    @Operation(summary = "Importeer gemeentelijke opvangplaatsen; alles of niets",
            description = "Kolommen: municipality, places, reference_date." + IMPORT_NOTE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = FileUpload.class)) })
    @ApiResponse(responseCode = "201", description = "Alle regels zijn opgeslagen als een nieuwe versie")
    @PostMapping(path = "/municipal-reception-imports", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE })
    ResponseEntity<ImportResource> importPlaces(HttpServletRequest request,
            @RequestParam(required = false) String label) throws IOException {
        return imported(tasks.importFigures(FigureKind.MUNICIPAL_PLACES,
                new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8), label));
    }

    @Operation(hidden = true)
    @PostMapping(path = "/municipal-reception-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportResource> uploadPlaces(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String label) throws IOException {
        return imported(tasks.importFigures(FigureKind.MUNICIPAL_PLACES,
                new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8), label));
    }

    @Operation(summary = "Importeer Oekraïense ontheemden in gemeentelijke opvang; alles of niets",
            description = "Kolommen: municipality, persons, reference_date." + IMPORT_NOTE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = FileUpload.class)) })
    @ApiResponse(responseCode = "201", description = "Alle regels zijn opgeslagen als een nieuwe versie")
    @PostMapping(path = "/ukrainian-reception-imports", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE })
    ResponseEntity<ImportResource> importUkrainians(HttpServletRequest request,
            @RequestParam(required = false) String label) throws IOException {
        return imported(tasks.importFigures(FigureKind.UKRAINIANS,
                new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8), label));
    }

    @Operation(hidden = true)
    @PostMapping(path = "/ukrainian-reception-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportResource> uploadUkrainians(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String label) throws IOException {
        return imported(tasks.importFigures(FigureKind.UKRAINIANS,
                new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8), label));
    }

    private static ResponseEntity<ImportResource> imported(FigureImport result) {
        return ResponseEntity.status(201).body(ImportResource.of(result));
    }
}
