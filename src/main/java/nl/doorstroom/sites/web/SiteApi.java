package nl.doorstroom.sites.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.documents.TableExport;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.sites.SiteForm;
import nl.doorstroom.sites.SiteInventory;
import nl.doorstroom.sites.SiteKind;
import nl.doorstroom.sites.SiteNotFound;
import nl.doorstroom.sites.SiteOverview;
import nl.doorstroom.sites.SiteStatus;
import nl.doorstroom.sites.SiteTable;
import nl.doorstroom.sites.SiteText;
import nl.doorstroom.sites.StatusChange;
import nl.doorstroom.sites.TemporarySite;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Temporary sites over the API: the register within the caller's scope, adding and changing sites with the
 * version last read, their status steps, and importing a province's list, all or nothing.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tijdelijke locaties", description = "Tijdelijke locaties waar gekoppelde vergunninghouders kunnen verblijven "
        + "tot er een woning is (hotel, vakantiepark, kerkgebouw, rijksvastgoed, rijksgrond): het register per provincie, "
        + "de status van de gesprekken en of een locatie in aanmerking komt voor de HAR.")
class SiteApi {

    static final String SCOPE_NOTE = " Alleen locaties binnen uw scope: het coördinatiecentrum, COA en het ministerie "
            + "alle, een provincie die in haar gemeenten, een gemeente die in de gemeente zelf. Woningcorporaties en "
            + "beheerders krijgen 403.";

    static final String EDITOR_NOTE = " Wijzigen mogen het coördinatiecentrum, COA, een provincie (in haar gemeenten) "
            + "en een gemeente (in de gemeente zelf); het ministerie leest alleen.";

    static final String CONFLICT = "Iemand anders heeft de locatie intussen gewijzigd; er is niets veranderd";

    static final String FIELDS_NOTE = " Soort (kind): HOTEL, RECREATION_PARK, CHURCH_BUILDING, STATE_PROPERTY, STATE_LAND "
            + "of OTHER; eigenaar (owner): PRIVATE, MUNICIPALITY, CHURCH, STATE_REAL_ESTATE_AGENCY of OTHER (Nederlandse "
            + "woorden werken ook). Gemeente als CBS-code of naam; de provincie volgt uit de gemeente. Een locatie met "
            + "dezelfde naam of hetzelfde adres in dezelfde gemeente als een andere (zonder hoofdletters, accenten en "
            + "leestekens) wordt geweigerd, nooit samengevoegd.";

    @Schema(description = "Een tijdelijke locatie zoals u die opgeeft. Problemen noemen deze veldnamen.")
    record SiteRequest(
            @Schema(example = "HOTEL") String kind,
            @Schema(example = "Hotel De Poort") String name,
            @Schema(description = "CBS-code of naam van de gemeente waarin de locatie ligt", example = "GM0344") String municipality,
            @Schema(description = "Adres, of een omschrijving van de plek waar er geen is", example = "Stationsweg 1, Utrecht")
            String address,
            @Schema(description = "WGS84-graden, met longitude; beide leeg als de plek niet precies bekend is (de kaart "
                    + "toont de locatie dan bij het midden van de gemeente)", example = "52.0907") BigDecimal latitude,
            @Schema(example = "5.1214") BigDecimal longitude,
            @Schema(example = "PRIVATE") String owner,
            @Schema(description = "Aantal personen", example = "40") Integer capacity,
            LocalDate availableFrom, LocalDate availableUntil,
            @Schema(description = "Euro per persoon per nacht, als bekend", example = "85.50") BigDecimal costPerNight,
            @Schema(description = "Persoonsgegeven: alleen zichtbaar voor wie de locatie ziet, nooit in de audittrail")
            String contactPerson,
            String notes,
            @Schema(description = "Alleen bij toevoegen: de status waarin de locatie begint (standaard IDENTIFIED; niet "
                    + "CLOSED of DROPPED)", example = "IDENTIFIED") String status,
            @Schema(description = "Alleen bij toevoegen: sinds wanneer de locatie die status heeft (standaard vandaag; "
                    + "niet in de toekomst)") LocalDate statusSince) {

        Map<String, String> text() {
            var text = new HashMap<String, String>();
            text.put(SiteForm.KIND, kind);
            text.put(SiteForm.NAME, name);
            text.put(SiteForm.MUNICIPALITY, municipality);
            text.put(SiteForm.ADDRESS, address);
            text.put(SiteForm.LATITUDE, latitude == null ? null : latitude.toPlainString());
            text.put(SiteForm.LONGITUDE, longitude == null ? null : longitude.toPlainString());
            text.put(SiteForm.OWNER, owner);
            text.put(SiteForm.CAPACITY, capacity == null ? null : capacity.toString());
            text.put(SiteForm.AVAILABLE_FROM, availableFrom == null ? null : availableFrom.toString());
            text.put(SiteForm.AVAILABLE_UNTIL, availableUntil == null ? null : availableUntil.toString());
            text.put(SiteForm.COST_PER_NIGHT, costPerNight == null ? null : costPerNight.toPlainString());
            text.put(SiteForm.CONTACT_PERSON, contactPerson);
            text.put(SiteForm.NOTES, notes);
            text.put(SiteForm.STATUS, status);
            text.put(SiteForm.STATUS_SINCE, statusSince == null ? null : statusSince.toString());
            return text;
        }
    }

    @Schema(description = "Een wijziging van de gegevens van een locatie (niet de status), gebaseerd op 'version'")
    record SiteChangeRequest(@Schema(description = "De laatst gelezen versie; is de locatie intussen gewijzigd, dan 409")
            Integer version, String kind, String name, String municipality, String address, BigDecimal latitude,
            BigDecimal longitude, String owner, Integer capacity, LocalDate availableFrom, LocalDate availableUntil,
            BigDecimal costPerNight, String contactPerson, String notes) {

        SiteRequest site() {
            return new SiteRequest(kind, name, municipality, address, latitude, longitude, owner, capacity, availableFrom,
                    availableUntil, costPerNight, contactPerson, notes, null, null);
        }
    }

    record StatusChangeRequest(@Schema(description = "De laatst gelezen versie van de locatie") Integer version,
            @Schema(description = "De volgende status op de lijn, of DROPPED (alleen voor IN_USE)", example = "CONTACTED")
            String status,
            @Schema(description = "De dag van de stap; standaard vandaag. Niet in de toekomst en niet vóór de huidige status")
            LocalDate date,
            @Schema(description = "Verplicht bij DROPPED; anders optioneel") String reason) {
    }

    @Schema(description = "Een tijdelijke locatie")
    record SiteResource(long id, SiteKind kind, String name, String municipality,
            @Schema(description = "De provincie van de gemeente") String province, String address, BigDecimal latitude,
            BigDecimal longitude, String owner, int capacity, LocalDate availableFrom, LocalDate availableUntil,
            BigDecimal costPerNight, SiteStatus status, LocalDate statusSince,
            @Schema(description = "Komt vandaag in aanmerking voor de HAR: niet gesloten of afgevallen, beschikbaar vanaf "
                    + "een bekende dag en nog beschikbaar vandaag of later. Een plaatsing is alleen voor huishoudens "
                    + "gekoppeld aan de gemeente van de locatie en duurt ten hoogste zes maanden.") boolean qualifiesForHar,
            String contactPerson, String notes,
            @Schema(description = "Stuur deze versie mee met een wijziging of statusstap") int version, Instant changedAt,
            String changedBy) {

        static SiteResource of(TemporarySite s, LocalDate today) {
            return new SiteResource(s.id(), s.kind(), s.name(), s.municipality().value(),
                    s.province() == null ? null : s.province().value(), s.address(), s.latitude(), s.longitude(),
                    s.owner().name(), s.capacity(), s.availableFrom(), s.availableUntil(), s.costPerNight(), s.status(),
                    s.statusSince(), s.qualifiesForHar(today), s.contactPerson(), s.notes(), s.version(), s.changedAt(),
                    s.changedBy());
        }
    }

    @Schema(description = "Aantallen en capaciteit (personen) van een deel van de lijst")
    record Totals(int sites, @Schema(description = "Capaciteit van alle locaties, in elke status") int persons, @Schema(description = "Capaciteit van de locaties die niet gesloten of afgevallen zijn") int openPersons,
            int pursuedPersons, int agreedPersons, int inUsePersons, int harQualifying) {

        static Totals of(SiteOverview.Totals t) {
            return new Totals(t.sites(), t.persons(), t.openPersons(), t.pursuedPersons(), t.agreedPersons(), t.inUsePersons(),
                    t.harQualifying());
        }
    }

    record KindTotals(SiteKind kind, Totals totals) {
    }

    record ProvinceTotals(String province, Totals totals) {
    }

    @Schema(description = "De locaties van de selectie, met totalen per soort en per provincie")
    record SiteList(List<SiteResource> items, Totals total, List<KindTotals> kinds, List<ProvinceTotals> provinces) {
    }

    record StatusChangeResource(long id, SiteStatus from, SiteStatus to, LocalDate date, String reason, String changedBy,
            Instant changedAt) {

        static StatusChangeResource of(StatusChange c) {
            return new StatusChangeResource(c.id(), c.from(), c.to(), c.occurredOn(), c.reason(), c.changedBy(),
                    c.changedAt());
        }
    }

    @Schema(description = "Een formulier met het bestand (CSV of XLSX)")
    record FileUpload(@Schema(type = "string", format = "binary") String file) {
    }

    record ImportResult(@Schema(description = "Het aantal toegevoegde locaties") int sites) {
    }

    /** The module names a step's day {@code occurredOn}; the API's body says {@code date}. */
    private static final Map<String, String> STEP_FIELDS = Map.of(TemporarySite.DATE, "date");

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SiteInventory inventory;
    private final MunicipalityRegistry registry;
    private final MessageSource messages;

    SiteApi(SiteInventory inventory, MunicipalityRegistry registry, MessageSource messages) {
        this.inventory = inventory;
        this.registry = registry;
        this.messages = messages;
    }

    @Operation(summary = "Zoek tijdelijke locaties; met totalen per soort en per provincie",
            description = "Filters zijn optioneel en worden gecombineerd; 'kind' en 'status' mogen vaker voorkomen. "
                    + "har=true: alleen locaties die vandaag in aanmerking komen voor de HAR; har=false: alleen die niet.\n\n"
                    + "Export: met ?format=csv dezelfde selectie als text/csv (UTF-8 met BOM; eerste regel de peildatum, "
                    + "daarna de kopregel), in een vorm die /api/v1/site-imports weer leest. Elke export wordt vastgelegd "
                    + "(sites.exported)." + SCOPE_NOTE)
    @ApiResponse(responseCode = "200", description = "JSON; met ?format=csv als CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SiteList.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
    @GetMapping("/sites")
    SiteList sites(@Parameter(description = "Provincie, zoals PV26") @RequestParam(required = false) String province,
            @Parameter(description = "Gemeente, zoals GM0344") @RequestParam(required = false) String municipality,
            @RequestParam(required = false) List<String> kind, @RequestParam(required = false) List<String> status,
            @Parameter(description = "true of false") @RequestParam(required = false) String har,
            @Parameter(description = "json (standaard) of csv") @RequestParam(required = false) String format) {
        if (format != null && !format.equalsIgnoreCase("json")) {
            throw InvalidInput.of("format", "sites.export.format", format);
        }
        var filter = filter(province, municipality, kind, status, har);
        var found = inventory.search(filter);
        var today = SitePages.today();
        var overview = SiteOverview.of(found, today);
        return new SiteList(found.stream().map(s -> SiteResource.of(s, today)).toList(), Totals.of(overview.total()),
                overview.kinds().stream().map(r -> new KindTotals(r.key(), Totals.of(r.totals()))).toList(),
                overview.provinces().stream().map(r -> new ProvinceTotals(r.key().value(), Totals.of(r.totals()))).toList());
    }

    /** The list's {@code ?format=csv} variant; OpenAPI holds one operation per path and method, documented above. */
    @Operation(hidden = true)
    @GetMapping(path = "/sites", params = "format=csv", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String province,
            @RequestParam(required = false) String municipality, @RequestParam(required = false) List<String> kind,
            @RequestParam(required = false) List<String> status, @RequestParam(required = false) String har,
            Locale locale) {
        var filter = filter(province, municipality, kind, status, har);
        var today = SitePages.today();
        var found = inventory.export(filter);
        var table = SiteTable.of(found, today, key -> messages.getMessage(key, null, key, locale),
                code -> registry.find(code).map(m -> m.name()).orElse(code.value()),
                code -> registry.province(code).map(p -> p.name()).orElse(code.value()),
                messages.getMessage("sites.list.title", null, locale),
                messages.getMessage("sites.export.note", new Object[] { today.toString(), found.size() }, locale));
        return TableExport.download(table, "csv", "tijdelijke-locaties-" + today);
    }

    @Operation(summary = "Eén tijdelijke locatie", description = "404 als zij niet bestaat of buiten uw scope ligt (die "
            + "twee zijn niet te onderscheiden)." + SCOPE_NOTE)
    @GetMapping("/sites/{id}")
    SiteResource site(@PathVariable long id) {
        return read(id);
    }

    @Operation(summary = "Voeg een tijdelijke locatie toe",
            description = "Antwoordt 201 met Location en de locatie (versie 0). Alle problemen tegelijk, met de veldnaam "
                    + "uit deze body." + FIELDS_NOTE + EDITOR_NOTE)
    @ApiResponse(responseCode = "201", description = "Toegevoegd")
    @PostMapping(path = "/sites", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SiteResource> register(@RequestBody SiteRequest request) {
        var reading = SiteText.read(0, request.text()::get, inventory.municipalities(), true);
        if (!reading.problems().isEmpty()) {
            throw new InvalidInput(reading.problems());
        }
        long id = inventory.register(reading.form(), reading.status(), reading.since());
        return ResponseEntity.created(URI.create("/api/v1/sites/" + id)).body(read(id));
    }

    @Operation(summary = "Wijzig de gegevens van een tijdelijke locatie",
            description = "Niet de status: die heeft haar eigen resource. 'version' is de laatst gelezen versie; heeft "
                    + "iemand anders de locatie intussen gewijzigd, dan 409 en verandert er niets." + FIELDS_NOTE
                    + EDITOR_NOTE)
    @ApiResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = "application/problem+json"))
    @PutMapping(path = "/sites/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    SiteResource change(@PathVariable long id, @RequestBody SiteChangeRequest request) {
        int version = version(request.version());
        var reading = SiteText.read(0, request.site().text()::get, inventory.municipalities(), false);
        if (!reading.problems().isEmpty()) {
            throw new InvalidInput(reading.problems());
        }
        inventory.change(id, version, reading.form());
        return read(id);
    }

    @Operation(summary = "De statusgeschiedenis van een locatie", description = "Oudste eerst; de eerste stap (zonder "
            + "'from') is het toevoegen." + SCOPE_NOTE)
    @GetMapping("/sites/{id}/status-changes")
    List<StatusChangeResource> statusChanges(@PathVariable long id) {
        return inventory.history(id).stream().map(StatusChangeResource::of).toList();
    }

    @Operation(summary = "Zet een locatie een stap verder op de lijn, of laat haar afvallen",
            description = "De lijn: IDENTIFIED → CONTACTED → UNDER_NEGOTIATION → AGREED → IN_USE → CLOSED, steeds één "
                    + "stap. Een locatie die nog niet in gebruik is kan DROPPED worden, altijd met een reden. CLOSED en "
                    + "DROPPED zijn definitief. 'version' is de laatst gelezen versie (anders 409). Antwoordt met de "
                    + "locatie in haar nieuwe versie." + EDITOR_NOTE)
    @ApiResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/sites/{id}/status-changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    SiteResource moveStatus(@PathVariable long id, @RequestBody StatusChangeRequest request) {
        int version = version(request.version());
        SiteStatus target = null;
        if (request.status() != null && !request.status().isBlank()) {
            target = SiteStatus.parse(request.status()).orElseThrow(() -> InvalidInput.of("status", "site.choice.unknown",
                    request.status(), String.join(", ", java.util.Arrays.stream(SiteStatus.values()).map(Enum::name).toList())));
        }
        var on = request.date() == null ? SitePages.today() : request.date();
        var status = target;
        naming(STEP_FIELDS, () -> inventory.moveStatus(id, version, status, on, request.reason()));
        return read(id);
    }

    @Operation(summary = "Importeer een lijst tijdelijke locaties; alles of niets",
            description = "CSV (komma of puntkomma, UTF-8) of Excel (XLSX, het eerste werkblad), met een kopregel. "
                    + "Verplichte kolommen: name, kind, municipality (code of naam), address, owner, capacity; verder "
                    + "latitude, longitude, available_from, available_until, cost_per_night, status (waarin de locatie "
                    + "begint), contact_person, notes. Nederlandse koppen werken ook, en een export van /api/v1/sites of "
                    + "de pagina wordt weer gelezen. Bij één fout wordt niets opgeslagen en komt elk probleem terug met rij "
                    + "(regel in het bestand) en kolom; ook een locatie die twee keer in het bestand staat of al in het "
                    + "register (zelfde naam of adres in dezelfde gemeente). Als body (text/csv of het XLSX-type), of als "
                    + "deel 'file' van multipart/form-data." + EDITOR_NOTE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = FileUpload.class)) })
    @ApiResponse(responseCode = "201", description = "Alle locaties zijn toegevoegd")
    @PostMapping(path = "/site-imports", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE, XLSX,
            MediaType.APPLICATION_OCTET_STREAM_VALUE })
    ResponseEntity<ImportResult> importFile(HttpServletRequest request) throws IOException {
        int imported = inventory.importFile(request.getInputStream());
        return ResponseEntity.status(201).body(new ImportResult(imported));
    }

    /** The import as an uploaded file; documented with the body variant (one operation per path and method). */
    @Operation(hidden = true)
    @PostMapping(path = "/site-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportResult> importUpload(@RequestPart("file") MultipartFile file) throws IOException {
        int imported = inventory.importFile(file.getInputStream());
        return ResponseEntity.status(201).body(new ImportResult(imported));
    }

    private SiteResource read(long id) {
        return inventory.site(id).map(s -> SiteResource.of(s, SitePages.today())).orElseThrow(() -> new SiteNotFound(id));
    }

    private static nl.doorstroom.sites.SiteFilter filter(String province, String municipality, List<String> kind,
            List<String> status, String har) {
        var problems = new ArrayList<Problem>();
        var filter = new SiteQuery(province, municipality, kind, status, har).filter(problems);
        if (!problems.isEmpty()) {
            // The page shows these above the list; the API names the parameter that could not be read.
            throw new InvalidInput(problems.stream().map(p -> new Problem(0, String.valueOf(p.arguments().get(1)),
                    p.messageKey(), p.arguments())).toList());
        }
        return filter;
    }

    private static int version(Integer version) {
        if (version == null) {
            throw InvalidInput.of("version", "sites.version.missing");
        }
        return version;
    }

    /** Runs a call to the module; a refusal comes back with its fields named as the client named them. */
    private static void naming(Map<String, String> names, Runnable call) {
        try {
            call.run();
        }
        catch (InvalidInput e) {
            throw new InvalidInput(e.problems().stream()
                    .map(p -> new Problem(p.row(), names.getOrDefault(p.field(), p.field()), p.messageKey(), p.arguments()))
                    .toList());
        }
    }
}
