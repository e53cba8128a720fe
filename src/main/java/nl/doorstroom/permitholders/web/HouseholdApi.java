package nl.doorstroom.permitholders.web;

import static nl.doorstroom.permitholders.web.HouseholdRequests.BODY_FIELDS;
import static nl.doorstroom.permitholders.web.HouseholdRequests.FILE_COLUMNS;
import static nl.doorstroom.permitholders.web.HouseholdRequests.STEP_FIELDS;
import static nl.doorstroom.permitholders.web.HouseholdRequests.naming;
import static nl.doorstroom.permitholders.web.HouseholdRequests.version;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.documents.Table;
import nl.doorstroom.documents.TableExport;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.permitholders.HarStatus;
import nl.doorstroom.permitholders.Household;
import nl.doorstroom.permitholders.HouseholdDetail;
import nl.doorstroom.permitholders.HouseholdFilter;
import nl.doorstroom.permitholders.HouseholdRegister;
import nl.doorstroom.permitholders.HouseholdRow;
import nl.doorstroom.permitholders.Journeys;
import nl.doorstroom.permitholders.Link;
import nl.doorstroom.permitholders.OverdueBand;
import nl.doorstroom.permitholders.Stage;
import nl.doorstroom.permitholders.TimelineEntry;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
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
 * Permit-holder households: the register (COA), the steps of their way to a home (COA and the linked
 * municipality) and the audited reads and exports, each within the reader's scope as the module decides.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Vergunninghouders", description = "Huishoudens van vergunninghouders in de opvang: registratie (COA), "
        + "koppeling, woningaanbod, HAR-plaatsing en verhuizing, binnen de scope van de lezer. Elke inzage en elke "
        + "export wordt vastgelegd in de audittrail.")
class HouseholdApi {

    static final String SCOPE_NOTE = " Alleen huishoudens binnen uw scope: COA en landelijke coördinatie alle, een "
            + "provincie die van haar gemeenten, een gemeente die van zichzelf (zonder opvanglocatie). Andere rollen krijgen 403.";

    static final String STEP_NOTE = " 'version' is de laatst gelezen versie van het huishouden; is het "
            + "intussen gewijzigd, dan 409 en verandert er niets. 'date' mag niet in de toekomst liggen. Antwoordt met "
            + "het huishouden in zijn nieuwe versie, zoals u het mag zien (vastgelegd als inzage).";

    static final String CONFLICT = "Iemand anders heeft het huishouden intussen gewijzigd; er is niets veranderd";

    static final String RECORDER_NOTE = " Een gemeente alleen voor huishoudens die aan haar gekoppeld zijn "
            + "(andere: 404).";

    record MemberResource(
            @Schema(description = "Leeftijdsklasse: 0-4, 5-11, 12-17, 18-29, 30-44, 45-64 of 65+", example = "30-44")
            String ageBand,
            @Schema(description = "F, M of X", example = "F") String sex,
            @Schema(description = "HEAD, PARTNER, CHILD of OTHER", example = "HEAD") String role) {

        static MemberResource of(nl.doorstroom.permitholders.Member m) {
            return new MemberResource(m.ageBand().label(), m.sex().name(), m.role().name());
        }
    }

    record CriterionResource(
            @Schema(description = "RELATIVE, WORK, EDUCATION of MEDICAL", example = "WORK") String kind,
            @Schema(description = "De gemeente waar het criterium naar wijst", example = "GM0344") String municipality,
            @Schema(description = "Alleen bij WORK: uren per week volgens contract (minstens 8)", example = "16")
            Integer hoursPerWeek) {

        static CriterionResource of(nl.doorstroom.permitholders.FirmCriterion c) {
            return new CriterionResource(c.kind().name(), c.municipality().value(), c.hoursPerWeek());
        }
    }

    @Schema(description = "Een huishouden zoals COA het registreert. Problemen noemen deze veldnamen.")
    record HouseholdRequest(
            @Schema(description = "Pseudonieme COA-referentie; nooit een naam, BSN of V-nummer", example = "COA-2026-0001")
            String reference,
            @Schema(description = "Opvanglocatie", example = "azc Amersfoort") String location,
            @Schema(description = "Gemeente van de opvanglocatie; bepaalt de koppelregio", example = "GM0307")
            String locationMunicipality,
            LocalDate permitDate,
            @Schema(description = "Voertaal; mag leeg") String language,
            @Schema(description = "NONE, PRIMARY, SECONDARY, VOCATIONAL, HIGHER of UNKNOWN (standaard)") String education,
            @Schema(description = "NONE, SOME, EXTENSIVE of UNKNOWN (standaard)") String workExperience,
            @Schema(description = "NONE (standaard), MOBILITY, WHEELCHAIR of OTHER") String limitation,
            List<MemberResource> members, List<CriterionResource> criteria) {
    }

    @Schema(description = "Een wijziging van de geregistreerde gegevens, gebaseerd op 'version' (anders 409)")
    record HouseholdChangeRequest(Integer version, String reference, String location, String locationMunicipality,
            LocalDate permitDate, String language, String education, String workExperience, String limitation,
            List<MemberResource> members, List<CriterionResource> criteria) {

        HouseholdRequest household() {
            return new HouseholdRequest(reference, location, locationMunicipality, permitDate, language, education,
                    workExperience, limitation, members, criteria);
        }
    }

    record LinkRequest(@Schema(description = "De versie van het huishouden waarop de stap is gebaseerd") Integer version,
            @Schema(example = "GM0344") String municipality, LocalDate date) {
    }

    record LinkCancellationRequest(Integer version,
            @Schema(description = "Code uit /api/v1/link-cancel-reasons; bij OTHER is 'note' verplicht") String reason,
            String note, LocalDate date) {
    }

    record OfferRequest(Integer version, LocalDate date, @Schema(example = "Overvecht") String district,
            @Schema(example = "3") Integer rooms) {
    }

    record HarPlacementRequest(Integer version, LocalDate date,
            @Schema(description = "De tijdelijke plek, zoals een hotel", example = "Hotel De Poort") String place) {
    }

    record MoveRequest(Integer version, LocalDate date,
            @Schema(description = "Alleen na een HAR-plaatsing: de wijk van de woning") String district,
            @Schema(description = "Alleen na een HAR-plaatsing: het aantal kamers") Integer rooms) {
    }

    @Schema(description = "Een huishouden in een lijst")
    record HouseholdItem(long id, String reference, int persons, Stage stage, LocalDate stageSince, LocalDate stageDue,
            long daysInStage, long daysOverdue, boolean pastFourteenWeeks, HarStatus harStatus,
            @Schema(description = "De gekoppelde gemeente; leeg zolang niet gekoppeld") String municipality,
            @Schema(description = "COA-koppelregio") String region,
            @Schema(description = "Opvanglocatie; ontbreekt voor een gemeente") String location, LocalDate permitDate) {

        static HouseholdItem of(HouseholdRow r, LocalDate today) {
            return new HouseholdItem(r.id(), r.reference(), r.persons(), r.stage(), r.stageSince(), r.stageDue(),
                    r.daysInStage(today), r.daysOverdue(today), r.pastFourteenWeeks(today), r.harStatus(today),
                    code(r.municipality()), r.region(), r.location(), r.permitDate());
        }
    }

    @Schema(description = "Eén pagina huishoudens met de totalen van de hele selectie")
    record HouseholdList(List<HouseholdItem> items, int page, int pageSize, int pages,
            @Schema(description = "Huishoudens in de hele selectie") long totalHouseholds,
            @Schema(description = "Personen in de hele selectie") long totalPersons) {
    }

    record LinkResource(long id, String municipality, LocalDate linkedOn,
            @Schema(description = "Het bindende criterium dat een koppeling buiten de koppelregio rechtvaardigt") String outsideRegion,
            String linkedBy, boolean active, LocalDate cancelledOn, String cancelReason, String cancelNote,
            String cancelledBy) {

        static LinkResource of(Link l) {
            return new LinkResource(l.id(), l.municipality().value(), l.linkedOn(), l.outsideRegion(), l.linkedBy(),
                    l.active(), l.cancelledOn(), l.cancelReason(), l.cancelNote(), l.cancelledBy());
        }
    }

    record TimelineResource(long id,
            @Schema(description = "REGISTERED, CHANGED, LINKED, LINK_CANCELLED, OFFERED, HAR_PLACED of MOVED_IN") String kind,
            LocalDate date, String municipality, int persons, String detail, String recordedBy, Instant recordedAt) {

        static TimelineResource of(TimelineEntry e) {
            return new TimelineResource(e.id(), e.kind(), e.occurredOn(), code(e.municipality()), e.persons(), e.detail(),
                    e.recordedBy(), e.recordedAt());
        }
    }

    @Schema(description = "Een huishouden met koppelingen en tijdlijn. Voor een gemeente zonder opvanglocatie en "
            + "alleen met haar eigen koppeling en stappen ('redacted').")
    record HouseholdResource(long id, String reference, String location, String locationMunicipality, String region,
            LocalDate permitDate, String language, String education, String workExperience, String limitation,
            int persons, List<MemberResource> members, List<CriterionResource> criteria, Stage stage,
            LocalDate stageSince, LocalDate stageDue, long daysInStage, long daysOverdue, boolean pastFourteenWeeks,
            HarStatus harStatus, String municipality, LocalDate linkedOn, LocalDate offeredOn, String offerDistrict,
            Integer offerRooms, LocalDate harSince, String harPlace, LocalDate movedOn, LocalDate countedOn,
            Integer countedPersons,
            @Schema(description = "Stuur deze versie mee met een wijziging of stap") int version, boolean redacted,
            List<LinkResource> links, List<TimelineResource> timeline) {

        static HouseholdResource of(HouseholdDetail detail, LocalDate today) {
            Household h = detail.household();
            var journey = h.journey();
            var profile = h.profile();
            return new HouseholdResource(h.id(), h.reference(), h.location(), code(h.locationMunicipality()), h.region(),
                    journey.permitDate(), profile.language(), profile.education().name(),
                    profile.workExperience().name(), profile.limitation().name(), h.persons(),
                    h.members().stream().map(MemberResource::of).toList(),
                    h.criteria().stream().map(CriterionResource::of).toList(), journey.stage(), journey.stageSince(),
                    journey.stageDue(), journey.daysInStage(today), journey.daysOverdue(today),
                    journey.pastFourteenWeeks(today), journey.harStatus(today), code(h.municipality()),
                    journey.linkedOn(), journey.offeredOn(), h.offerDistrict(), h.offerRooms(), journey.harSince(),
                    h.harPlace(), journey.movedOn(), journey.countedOn(), h.countedPersons(), h.version(),
                    detail.redacted(), detail.links().stream().map(LinkResource::of).toList(),
                    detail.timeline().stream().map(TimelineResource::of).toList());
        }
    }

    @Schema(description = "Een formulier met het CSV-bestand")
    record FileUpload(@Schema(type = "string", format = "binary") String file) {
    }

    record ImportResult(@Schema(description = "Het aantal geregistreerde huishoudens") int households) {
    }

    private static final int MAXIMUM_PAGE_SIZE = 500;

    private final HouseholdRegister register;
    private final Journeys journeys;
    private final MessageSource messages;

    HouseholdApi(HouseholdRegister register, Journeys journeys, MessageSource messages) {
        this.register = register;
        this.journeys = journeys;
        this.messages = messages;
    }

    @Operation(summary = "Zoek huishoudens; één pagina met de totalen van de hele selectie",
            description = "Filters zijn optioneel en worden gecombineerd. 'stage' mag vaker voorkomen. 'band' alleen "
                    + "met overdue=OVERDUE. Pagina's tellen vanaf 1; pageSize ten hoogste 500. Gesorteerd op de "
                    + "vervaldatum van de huidige stap. De inzage wordt vastgelegd (households.listed).\n\n"
                    + "Export: met ?format=csv dezelfde filters zonder pagina's, alle huishoudens van de selectie (ten "
                    + "hoogste " + HouseholdRegister.EXPORT_LIMIT + ") als text/csv: UTF-8 met BOM, de eerste regel de "
                    + "peildatum, de tweede de kopregel met de veldnamen van de JSON-items. Elke export wordt vastgelegd "
                    + "(households.exported)." + SCOPE_NOTE)
    @ApiResponse(responseCode = "200", description = "JSON; met ?format=csv de hele selectie als CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = HouseholdList.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
    @GetMapping("/households")
    HouseholdList households(@Parameter(description = "Begin van de COA-referentie") @RequestParam(required = false) String reference,
            @RequestParam(required = false) List<Stage> stage, @RequestParam(required = false) String region,
            @Parameter(description = "Opvanglocatie (genegeerd voor een gemeente)") @RequestParam(required = false) String location,
            @Parameter(description = "Gekoppelde gemeente, zoals GM0344") @RequestParam(required = false) String municipality,
            @Parameter(description = "Provincie van de gekoppelde gemeente, zoals PV26") @RequestParam(required = false) String province,
            @RequestParam(required = false) HouseholdFilter.Overdue overdue, @RequestParam(required = false) OverdueBand band,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int pageSize,
            @Parameter(description = "json (standaard) of csv") @RequestParam(required = false) String format) {
        if (format != null && !format.equalsIgnoreCase("json")) {
            throw InvalidInput.of("format", "householdApi.format.unknown", format);
        }
        var problems = new ArrayList<Problem>();
        if (page < 1) {
            problems.add(Problem.of("page", "householdApi.page.range"));
        }
        if (pageSize < 1 || pageSize > MAXIMUM_PAGE_SIZE) {
            problems.add(Problem.of("pageSize", "householdApi.pageSize.range", MAXIMUM_PAGE_SIZE));
        }
        var filter = filter(reference, stage, region, location, municipality, province, overdue, band, problems);
        var found = register.search(filter, page - 1, pageSize);
        var today = today();
        return new HouseholdList(found.rows().stream().map(r -> HouseholdItem.of(r, today)).toList(), found.page() + 1,
                found.size(), found.pages(), found.total(), found.persons());
    }

    /** The list's {@code ?format=csv} variant; OpenAPI holds one operation per path and method, documented above. */
    @Operation(hidden = true)
    @GetMapping(path = "/households", params = "format=csv", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String reference,
            @RequestParam(required = false) List<Stage> stage, @RequestParam(required = false) String region,
            @RequestParam(required = false) String location, @RequestParam(required = false) String municipality,
            @RequestParam(required = false) String province, @RequestParam(required = false) HouseholdFilter.Overdue overdue,
            @RequestParam(required = false) OverdueBand band, Locale locale) {
        var filter = filter(reference, stage, region, location, municipality, province, overdue, band, new ArrayList<>());
        var rows = register.export(filter);
        var today = today();
        var header = List.of(column("id", Table.Kind.INTEGER), column("reference", Table.Kind.TEXT),
                column("persons", Table.Kind.INTEGER), column("stage", Table.Kind.TEXT),
                column("stageSince", Table.Kind.DATE), column("stageDue", Table.Kind.DATE),
                column("daysInStage", Table.Kind.INTEGER), column("daysOverdue", Table.Kind.INTEGER),
                column("pastFourteenWeeks", Table.Kind.TEXT), column("harStatus", Table.Kind.TEXT),
                column("municipality", Table.Kind.TEXT), column("region", Table.Kind.TEXT),
                column("location", Table.Kind.TEXT), column("permitDate", Table.Kind.DATE));
        var cells = rows.stream().map(r -> {
            var item = HouseholdItem.of(r, today);
            return java.util.Arrays.<Object>asList(item.id(), item.reference(), item.persons(), item.stage().name(),
                    item.stageSince(), item.stageDue(), item.daysInStage(), item.daysOverdue(),
                    String.valueOf(item.pastFourteenWeeks()), item.harStatus().name(), item.municipality(),
                    item.region(), item.location(), item.permitDate());
        }).toList();
        var note = messages.getMessage("householdApi.export.note", new Object[] { today.toString(), rows.size() }, locale);
        return TableExport.download(new Table("households", header, cells, note), "csv", "huishoudens-" + today);
    }

    @Operation(summary = "Eén huishouden met koppelingen en tijdlijn",
            description = "404 als het niet bestaat of buiten uw scope ligt (die twee zijn niet te onderscheiden). "
                    + "De inzage wordt vastgelegd (household.read)." + SCOPE_NOTE)
    @GetMapping("/households/{id}")
    HouseholdResource household(@PathVariable long id) {
        return read(id);
    }

    @Operation(summary = "Registreer een huishouden (COA)",
            description = "Antwoordt 201 met Location en het huishouden (versie 0). Alle problemen tegelijk, met de "
                    + "veldnaam uit deze body.")
    @ApiResponse(responseCode = "201", description = "Geregistreerd")
    @PostMapping(path = "/households", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<HouseholdResource> registerHousehold(@RequestBody HouseholdRequest request) {
        var form = HouseholdRequests.form(request);
        long id = naming(BODY_FIELDS, () -> register.register(form));
        return ResponseEntity.created(URI.create("/api/v1/households/" + id)).body(read(id));
    }

    @Operation(summary = "Wijzig de geregistreerde gegevens van een huishouden (COA)",
            description = "Niet de stappen: die hebben elk hun eigen resource. 'version' is de laatst gelezen versie; "
                    + "heeft iemand anders het huishouden intussen gewijzigd, dan 409 en verandert er niets. De "
                    + "vergunningsdatum ligt vast zodra het huishouden gekoppeld is.")
    @ApiResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = "application/problem+json"))
    @PutMapping(path = "/households/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    HouseholdResource changeHousehold(@PathVariable long id, @RequestBody HouseholdChangeRequest request) {
        int version = version(request.version());
        var form = HouseholdRequests.form(request.household());
        naming(BODY_FIELDS, () -> register.change(id, version, form));
        return read(id);
    }

    @Operation(summary = "Koppel een huishouden aan een gemeente (COA)",
            description = "Binnen de koppelregio van de opvanglocatie, of daarbuiten waar een bindend criterium naar "
                    + "die gemeente wijst (dat criterium wordt als reden vastgelegd)." + STEP_NOTE)
    @ApiResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/households/{id}/links", consumes = MediaType.APPLICATION_JSON_VALUE)
    HouseholdResource link(@PathVariable long id, @RequestBody LinkRequest request) {
        int version = version(request.version());
        var municipality = HouseholdRequests.municipality(request.municipality(), "municipality");
        naming(STEP_FIELDS, () -> journeys.link(id, version, municipality, request.date()));
        return read(id);
    }

    @Operation(summary = "Trek de koppeling van een huishouden in (COA)",
            description = "Met een reden uit /api/v1/link-cancel-reasons; het huishouden wacht weer op een koppeling."
                    + STEP_NOTE)
    @ApiResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/households/{id}/link-cancellations", consumes = MediaType.APPLICATION_JSON_VALUE)
    HouseholdResource cancelLink(@PathVariable long id, @RequestBody LinkCancellationRequest request) {
        int version = version(request.version());
        naming(STEP_FIELDS, () -> journeys.cancelLink(id, version, request.reason(), request.note(), request.date()));
        return read(id);
    }

    @Operation(summary = "Leg een woningaanbod vast (de gekoppelde gemeente of COA)", description = STEP_NOTE
            + RECORDER_NOTE)
    @ApiResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/households/{id}/offers", consumes = MediaType.APPLICATION_JSON_VALUE)
    HouseholdResource offer(@PathVariable long id, @RequestBody OfferRequest request) {
        int version = version(request.version());
        naming(STEP_FIELDS, () -> journeys.offer(id, version, request.date(), request.district(), request.rooms()));
        return read(id);
    }

    @Operation(summary = "Leg een HAR-plaatsing vast (de gekoppelde gemeente of COA)",
            description = "Tijdelijke huisvesting binnen de gekoppelde gemeente, ten hoogste zes maanden; telt vanaf "
                    + "deze dag mee voor de taakstelling." + STEP_NOTE + RECORDER_NOTE)
    @ApiResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/households/{id}/har-placements", consumes = MediaType.APPLICATION_JSON_VALUE)
    HouseholdResource placeUnderHar(@PathVariable long id, @RequestBody HarPlacementRequest request) {
        int version = version(request.version());
        naming(STEP_FIELDS, () -> journeys.placeUnderHar(id, version, request.date(), request.place()));
        return read(id);
    }

    @Operation(summary = "Leg een verhuizing naar een woning vast (de gekoppelde gemeente of COA)",
            description = "Na een woningaanbod (de woning van het aanbod), of na een HAR-plaatsing (dan met wijk en "
                    + "kamers). Telt mee voor de taakstelling, tenzij de HAR-plaatsing dat al deed." + STEP_NOTE
                    + RECORDER_NOTE)
    @ApiResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/households/{id}/moves", consumes = MediaType.APPLICATION_JSON_VALUE)
    HouseholdResource moveIn(@PathVariable long id, @RequestBody MoveRequest request) {
        int version = version(request.version());
        naming(STEP_FIELDS, () -> journeys.moveIn(id, version, request.date(), request.district(), request.rooms()));
        return read(id);
    }

    @Operation(summary = "Importeer COA's export van huishoudens (COA); alles of niets",
            description = "CSV, komma of puntkomma, met de kolommen reference, location, location_municipality, "
                    + "permit_date, language, education, work_experience, limitation, members, criteria (Nederlandse "
                    + "koppen werken ook). Leden als leeftijdsklasse/geslacht/rol gescheiden door |, zoals "
                    + "30-44/F/HEAD|5-11/M/CHILD; criteria als soort:gemeente[:uren], zoals WORK:GM0344:16. Bij één "
                    + "fout wordt niets opgeslagen en komt elk probleem terug met rij (regel in het bestand) en kolom. "
                    + "Als body met Content-Type text/csv, of als deel 'file' van multipart/form-data.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = FileUpload.class)) })
    @ApiResponse(responseCode = "201", description = "Alle huishoudens zijn geregistreerd")
    @PostMapping(path = "/household-imports", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
    ResponseEntity<ImportResult> importFile(HttpServletRequest request) throws IOException {
        var reader = new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8);
        int imported = naming(FILE_COLUMNS, () -> register.importFile(reader));
        return ResponseEntity.status(201).body(new ImportResult(imported));
    }

    /** The import as an uploaded file; documented with the text variant (one operation per path and method). */
    @Operation(hidden = true)
    @PostMapping(path = "/household-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportResult> importUpload(@RequestPart("file") MultipartFile file) throws IOException {
        var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
        int imported = naming(FILE_COLUMNS, () -> register.importFile(reader));
        return ResponseEntity.status(201).body(new ImportResult(imported));
    }

    /** The household as the reader may see it, audited by the register; 404 outside the reader's scope. */
    private HouseholdResource read(long id) {
        return register.read(id).map(d -> HouseholdResource.of(d, today())).orElseThrow(NoSuchElementException::new);
    }

    private static HouseholdFilter filter(String reference, List<Stage> stages, String region, String location,
            String municipality, String province, HouseholdFilter.Overdue overdue, OverdueBand band,
            List<Problem> problems) {
        MunicipalityCode linkedTo = null;
        try {
            linkedTo = HouseholdRequests.municipality(municipality, "municipality");
        }
        catch (InvalidInput e) {
            problems.addAll(e.problems());
        }
        nl.doorstroom.shared.ProvinceCode inProvince = null;
        try {
            inProvince = HouseholdRequests.province(province, "province");
        }
        catch (InvalidInput e) {
            problems.addAll(e.problems());
        }
        if (band != null && overdue != HouseholdFilter.Overdue.OVERDUE) {
            problems.add(Problem.of("band", "householdApi.band.withoutOverdue"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new HouseholdFilter(reference, stages == null ? Set.of() : Set.copyOf(stages), region, location, linkedTo,
                inProvince, overdue, band);
    }

    private static Table.Column column(String name, Table.Kind kind) {
        return new Table.Column(name, kind);
    }

    private static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    private static String code(MunicipalityCode code) {
        return code == null ? null : code.value();
    }
}
