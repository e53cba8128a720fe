package nl.doorstroom.reception.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.reception.EmergencyMeasure;
import nl.doorstroom.reception.LocationForm;
import nl.doorstroom.reception.LocationKind;
import nl.doorstroom.reception.LocationNotFound;
import nl.doorstroom.reception.MeasureKind;
import nl.doorstroom.reception.Occupancy;
import nl.doorstroom.reception.OccupancyImport;
import nl.doorstroom.reception.ReceptionLocation;
import nl.doorstroom.reception.ReceptionLocations;
import nl.doorstroom.reception.ReceptionNorm;
import nl.doorstroom.reception.WeeklyReception;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reception over the API: COA's locations within the caller's scope, registering and changing them with the
 * version last read, occupancy per location or national per week, importing COA's figures (all or nothing),
 * and the norm for the central registration centre.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Opvang", description = "COA-opvanglocaties met capaciteit, bezetting door de tijd (asielzoekers in procedure, "
        + "vergunninghouders, overig), noodmaatregelen, de norm voor het aanmeldcentrum (Ter Apel) en de wachtenden in "
        + "voorportalen. Alleen aantallen, geen persoonsgegevens.")
class ReceptionApi {

    static final String SCOPE_NOTE = " Lezen mogen het coördinatiecentrum, COA, het ministerie, een provincie (locaties in "
            + "haar gemeenten) en een gemeente (locaties in de gemeente zelf); wijzigen alleen COA-planners.";

    @Schema(description = "Een opvanglocatie zoals u die opgeeft. Problemen noemen deze veldnamen.")
    record LocationRequest(@Schema(description = "De code waarmee COA's cijfers de locatie noemen", example = "COA-TERAPEL")
            String code, @Schema(example = "Aanmeldcentrum Ter Apel") String name,
            @Schema(description = "CBS-code van de gemeente", example = "GM1950") String municipality,
            @Schema(description = "CENTRAL_REGISTRATION, REGULAR, EMERGENCY of PRE_REGISTRATION", example = "CENTRAL_REGISTRATION")
            String kind, Integer regularCapacity, Integer emergencyCapacity, LocalDate openedOn, LocalDate closedOn,
            @Schema(description = "Alleen bij wijzigen: de laatst gelezen versie; is de locatie intussen gewijzigd, dan 409")
            Integer version) {

        LocationInput input() {
            return new LocationInput(code, name, municipality, kind, regularCapacity == null ? null : regularCapacity.toString(),
                    emergencyCapacity == null ? null : emergencyCapacity.toString(),
                    openedOn == null ? null : openedOn.toString(), closedOn == null ? null : closedOn.toString());
        }
    }

    record MeasureResource(long id, MeasureKind kind, String description, LocalDate startsOn, LocalDate endsOn,
            int places) {

        static MeasureResource of(EmergencyMeasure m) {
            return new MeasureResource(m.id(), m.kind(), m.description(), m.startsOn(), m.endsOn(), m.places());
        }
    }

    record LocationResource(long id, String code, String name, String municipality, String province, LocationKind kind,
            int regularCapacity, int emergencyCapacity, LocalDate openedOn, LocalDate closedOn,
            @Schema(description = "Verzonnen door het demoscenario") boolean synthetic,
            @Schema(description = "Stuur deze versie mee met een wijziging") int version, Instant changedAt,
            String changedBy, List<MeasureResource> emergencyMeasures) {

        static LocationResource of(ReceptionLocation l, List<EmergencyMeasure> measures) {
            return new LocationResource(l.id(), l.code(), l.name(), l.municipality().value(),
                    l.province() == null ? null : l.province().value(), l.kind(), l.regularCapacity(),
                    l.emergencyCapacity(), l.openedOn(), l.closedOn(), l.synthetic(), l.version(), l.changedAt(),
                    l.changedBy(), measures == null ? null : measures.stream().map(MeasureResource::of).toList());
        }
    }

    record OccupancyResource(LocalDate date, int inProcedure, int permitHolders, int other, int total) {

        static OccupancyResource of(Occupancy o) {
            return new OccupancyResource(o.date(), o.inProcedure(), o.permitHolders(), o.other(), o.total());
        }
    }

    @Schema(description = "De landelijke opvang in een week (maandag tot en met zondag): per locatie het laatste cijfer "
            + "van de week, opgeteld")
    record WeekResource(LocalDate week, int inProcedure, int permitHolders, int other, int total, int regularCapacity,
            int emergencyCapacity, int centralRegistration, int preRegistrationWaiting, int locationsReporting) {

        static WeekResource of(WeeklyReception w) {
            return new WeekResource(w.week(), w.inProcedure(), w.permitHolders(), w.other(), w.total(),
                    w.regularCapacity(), w.emergencyCapacity(), w.centralRegistration(), w.preRegistrationWaiting(),
                    w.locationsReporting());
        }
    }

    @Schema(description = "Bezetting: van één locatie per dag (met ?location), of landelijk per week")
    record OccupancySeries(Long location, LocalDate from, LocalDate to, List<OccupancyResource> days,
            List<WeekResource> weeks) {
    }

    @Schema(description = "Een import van COA's cijfers: wie, wanneer, hoeveel rijen, en hoeveel daarvan een eerder "
            + "geïmporteerde dag vervingen")
    record ImportResource(long id, Instant importedAt, String importedBy, int rows, int replaced, LocalDate firstDate,
            LocalDate lastDate) {

        static ImportResource of(OccupancyImport i) {
            return new ImportResource(i.id(), i.importedAt(), i.importedBy(), i.rows(), i.replaced(), i.firstDate(),
                    i.lastDate());
        }
    }

    record NormRequest(@Schema(description = "De laatst gelezen versie van de norm") Integer version,
            @Schema(example = "2000") Integer norm, LocalDate validFrom) {
    }

    record NormResource(int version, int norm, LocalDate validFrom, String setBy, Instant setAt) {

        static NormResource of(ReceptionNorm n) {
            return new NormResource(n.version(), n.persons(), n.validFrom(), n.setBy(), n.setAt());
        }
    }

    record NormList(NormResource current, List<NormResource> history) {
    }

    private final ReceptionLocations reception;
    private final MunicipalityRegistry registry;

    ReceptionApi(ReceptionLocations reception, MunicipalityRegistry registry) {
        this.reception = reception;
        this.registry = registry;
    }

    @Operation(summary = "Opvanglocaties binnen uw scope", description = "Filters optioneel: provincie (PV26) en soort."
            + SCOPE_NOTE)
    @GetMapping("/reception-locations")
    List<LocationResource> locations(@Parameter(description = "Provincie, zoals PV22") @RequestParam(required = false) String province,
            @Parameter(description = "Soort locatie") @RequestParam(required = false) String kind) {
        ProvinceCode chosen = null;
        if (province != null && !province.isBlank()) {
            try {
                chosen = ProvinceCode.of(province.strip().toUpperCase(java.util.Locale.ROOT));
            }
            catch (IllegalArgumentException e) {
                chosen = null;
            }
            if (chosen == null || !registry.exists(chosen)) {
                throw InvalidInput.of("province", "reception.filter.province", province);
            }
        }
        Set<LocationKind> kinds = Set.of();
        if (kind != null && !kind.isBlank()) {
            kinds = Set.of(LocationKind.parse(kind).orElseThrow(() -> InvalidInput.of("kind", "reception.filter.kind", kind)));
        }
        return reception.search(chosen, kinds).stream().map(l -> LocationResource.of(l, null)).toList();
    }

    @Operation(summary = "Eén opvanglocatie met haar noodmaatregelen", description = "404 als zij niet bestaat of buiten "
            + "uw scope ligt (die twee zijn niet te onderscheiden)." + SCOPE_NOTE)
    @GetMapping("/reception-locations/{id}")
    LocationResource location(@PathVariable long id) {
        return read(id);
    }

    @Operation(summary = "Registreer een opvanglocatie", description = "Antwoordt 201 met Location en de locatie (versie 0). "
            + "Alle problemen tegelijk, met de veldnaam uit deze body; een code die al bestaat wordt geweigerd." + SCOPE_NOTE)
    @ApiResponse(responseCode = "201", description = "Geregistreerd")
    @PostMapping(path = "/reception-locations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LocationResource> register(@RequestBody LocationRequest request) {
        long id = reception.register(request.input().form(registry::exists));
        return ResponseEntity.created(URI.create("/api/v1/reception-locations/" + id)).body(read(id));
    }

    @Operation(summary = "Wijzig een opvanglocatie", description = "'version' is de laatst gelezen versie; heeft iemand "
            + "anders de locatie intussen gewijzigd, dan 409 en verandert er niets." + SCOPE_NOTE)
    @ApiResponse(responseCode = "409", description = "Intussen gewijzigd", content = @Content(mediaType = "application/problem+json"))
    @PutMapping(path = "/reception-locations/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    LocationResource change(@PathVariable long id, @RequestBody LocationRequest request) {
        if (request.version() == null) {
            throw InvalidInput.of("version", "reception.version.missing");
        }
        reception.change(id, request.version(), request.input().form(registry::exists));
        return read(id);
    }

    @Operation(summary = "Bezetting door de tijd", description = "Met ?location=<id> de cijfers van die locatie per dag "
            + "(zoals COA ze leverde); zonder de landelijke optelling per week (maandag tot en met zondag), met capaciteit, "
            + "het aanmeldcentrum en de wachtenden in voorportalen. Standaard de laatste twee jaar." + SCOPE_NOTE)
    @GetMapping("/reception-occupancy")
    OccupancySeries occupancy(@RequestParam(required = false) Long location,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        var until = to == null ? ReceptionPages.today() : to;
        var since = from == null ? until.minusWeeks(ReceptionPages.WEEKS) : from;
        if (since.isAfter(until)) {
            throw InvalidInput.of("from", "reception.period.reversed", since.toString(), until.toString());
        }
        if (location != null) {
            return new OccupancySeries(location, since, until,
                    reception.occupancy(location, since, until).stream().map(OccupancyResource::of).toList(), null);
        }
        // The series is counts only and open to other modules; this endpoint only to the readers' roles
        // (SecurityConfiguration).
        return new OccupancySeries(null, since, until, null,
                reception.nationalSeries(since, until).stream().map(WeekResource::of).toList());
    }

    @Operation(summary = "Importeer COA's cijfers; alles of niets",
            description = "CSV (komma of puntkomma, UTF-8) of Excel (XLSX) met een kopregel: location (de code van de "
                    + "locatie), date (jjjj-mm-dd of d-m-jjjj), in_procedure, permit_holders, other. Bij één fout wordt niets "
                    + "opgeslagen en komt elk probleem terug met rij en kolom (onbekende locatie, onleesbare of toekomstige "
                    + "datum, een dag waarop de locatie niet open was, negatief of ontbrekend getal, dezelfde locatie en dag twee keer). Een dag die al cijfers heeft "
                    + "wordt vervangen door die uit het bestand ('replaced' telt ze). Alleen COA-planners.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "201", description = "Alle rijen zijn opgeslagen")
    @PostMapping(path = "/occupancy-imports", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_OCTET_STREAM_VALUE })
    ResponseEntity<ImportResource> importFile(HttpServletRequest request) throws IOException {
        var imported = reception.importFile(request.getInputStream());
        return ResponseEntity.status(201).body(ImportResource.of(imported));
    }

    @Operation(summary = "De laatste imports van COA's cijfers", description = "Wie, wanneer, hoeveel rijen, hoeveel "
            + "vervangen; nieuwste eerst." + SCOPE_NOTE)
    @GetMapping("/occupancy-imports")
    List<ImportResource> imports() {
        return reception.imports().stream().map(ImportResource::of).toList();
    }

    @Operation(summary = "De norm voor het aanmeldcentrum (Ter Apel), met alle eerdere versies", description = SCOPE_NOTE)
    @GetMapping("/reception-norms")
    NormList norms() {
        var history = reception.normHistory().stream().map(NormResource::of).toList();
        return new NormList(history.get(0), history);
    }

    @Operation(summary = "Stel de norm voor het aanmeldcentrum in", description = "Als nieuwe versie, vanaf 'validFrom'. "
            + "'version' is de laatst gelezen versie (anders 409). Alleen landelijk coördinatoren.")
    @ApiResponse(responseCode = "409", description = "Intussen gewijzigd", content = @Content(mediaType = "application/problem+json"))
    @PutMapping(path = "/reception-norms/ter-apel", consumes = MediaType.APPLICATION_JSON_VALUE)
    NormResource setNorm(@RequestBody NormRequest request) {
        if (request.version() == null) {
            throw InvalidInput.of("version", "reception.version.missing");
        }
        return NormResource.of(reception.setTerApelNorm(request.version(), request.norm(), request.validFrom()));
    }

    private LocationResource read(long id) {
        var location = reception.location(id).orElseThrow(() -> new LocationNotFound(id));
        return LocationResource.of(location, reception.measures(id));
    }
}
