package nl.doorstroom.municipalities.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.PopulationVersion;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.municipalities.Province;
import nl.doorstroom.municipalities.Region;
import nl.doorstroom.municipalities.Regions;
import nl.doorstroom.municipalities.Regions.RegionForm;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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

@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Gemeenten", description = "Gemeenten, provincies, regio's en bevolkingsversies")
class MunicipalityApi {

    record ProvinceRef(String code, String name) {
    }

    record MunicipalitySummary(String code, String name, ProvinceRef province, String coaRegion, Long population) {
    }

    record PopulationFigure(long versionId, LocalDate referenceDate, boolean official, long population) {
    }

    record MunicipalityDetail(String code, String name, ProvinceRef province, String seat, BigDecimal areaKm2,
            String coaRegion, List<String> neighbours, List<PopulationFigure> populations) {
    }

    record ProvinceResource(String code, String name, int municipalityCount, List<String> municipalities) {
    }

    record RegionResource(String code, String kind, String name, String description, List<String> municipalities,
            int version) {
    }

    record RegionRequest(String name, String description, List<String> municipalities, Integer version) {
    }

    record PopulationVersionResource(long id, LocalDate referenceDate, String label, String source, boolean official,
            Instant importedAt, long total, int municipalityCount) {
    }

    record PopulationVersionDetail(PopulationVersionResource version, TreeMap<String, Long> figures) {
    }

    private final MunicipalityRegistry registry;
    private final Populations populations;
    private final Regions regions;

    MunicipalityApi(MunicipalityRegistry registry, Populations populations, Regions regions) {
        this.registry = registry;
        this.populations = populations;
        this.regions = regions;
    }

    @Operation(summary = "Alle gemeenten, met de bevolking uit de nieuwste versie; filter op provincie met ?province=PV26")
    @GetMapping("/municipalities")
    List<MunicipalitySummary> municipalities(@RequestParam(required = false) String province) {
        var figures = populations.figures(populations.latest().id());
        return registry.all().stream()
                .filter(m -> province == null || m.province().value().equals(province))
                .map(m -> new MunicipalitySummary(m.code().value(), m.name(), provinceOf(m), m.coaRegion(),
                        figures.get(m.code())))
                .toList();
    }

    @Operation(summary = "Eén gemeente met buren en bevolking per versie")
    @GetMapping("/municipalities/{code}")
    MunicipalityDetail municipality(@PathVariable String code) {
        var m = MunicipalityPages.parse(code).flatMap(registry::find).orElseThrow(NoSuchElementException::new);
        return new MunicipalityDetail(m.code().value(), m.name(), provinceOf(m), m.seat(), m.areaKm2(), m.coaRegion(),
                registry.neighboursOf(m.code()).stream().map(n -> n.code().value()).sorted().toList(),
                populations.historyOf(m.code()).stream()
                        .map(e -> new PopulationFigure(e.getKey().id(), e.getKey().referenceDate(),
                                e.getKey().official(), e.getValue()))
                        .toList());
    }

    @Operation(summary = "De twaalf provincies")
    @GetMapping("/provinces")
    List<ProvinceResource> provinces() {
        return registry.provinces().stream().map(this::province).toList();
    }

    @Operation(summary = "Eén provincie met haar gemeenten")
    @GetMapping("/provinces/{code}")
    ProvinceResource province(@PathVariable String code) {
        return MunicipalityPages.parseProvince(code).flatMap(registry::province).map(this::province)
                .orElseThrow(NoSuchElementException::new);
    }

    @Operation(summary = "COA-koppelregio's en door gebruikers gedefinieerde regio's")
    @GetMapping("/regions")
    List<RegionResource> regions() {
        return regions.all().stream().map(MunicipalityApi::region).toList();
    }

    @GetMapping("/regions/{code}")
    RegionResource region(@PathVariable String code) {
        return regions.find(code).map(MunicipalityApi::region).orElseThrow(NoSuchElementException::new);
    }

    @Operation(summary = "Definieer een regio (een verzameling gemeenten)")
    @PostMapping(path = "/regions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RegionResource> defineRegion(@RequestBody RegionRequest request) {
        var region = regions.define(form(request));
        return ResponseEntity.created(URI.create("/api/v1/regions/" + region.code())).body(region(region));
    }

    @Operation(summary = "Wijzig een eigen regio; 'version' moet de laatst gelezen versie zijn (anders 409)")
    @PutMapping(path = "/regions/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    RegionResource changeRegion(@PathVariable String code, @RequestBody RegionRequest request) {
        regions.find(code).orElseThrow(NoSuchElementException::new);
        if (request.version() == null) {
            throw InvalidInput.of("version", "region.version.required");
        }
        return region(regions.change(code, request.version(), form(request)));
    }

    @DeleteMapping("/regions/{code}")
    ResponseEntity<Void> removeRegion(@PathVariable String code, @RequestParam int version) {
        regions.find(code).orElseThrow(NoSuchElementException::new);
        regions.remove(code, version);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Alle bevolkingsversies, nieuwste peildatum eerst")
    @GetMapping("/population-versions")
    List<PopulationVersionResource> populationVersions() {
        return populations.versions().stream().map(MunicipalityApi::version).toList();
    }

    @Operation(summary = "Eén bevolkingsversie met de bevolking per gemeente")
    @GetMapping("/population-versions/{id}")
    PopulationVersionDetail populationVersion(@PathVariable long id) {
        var version = populations.version(id).orElseThrow(NoSuchElementException::new);
        var figures = new TreeMap<String, Long>();
        populations.figures(id).forEach((code, population) -> figures.put(code.value(), population));
        return new PopulationVersionDetail(version(version), figures);
    }

    @Operation(summary = "Importeer CBS-bevolkingscijfers als nieuwe versie (CSV: code, naam, bevolking). "
            + "Alles of niets: bij één fout wordt niets opgeslagen en komt elke fout terug met rij en kolom.")
    @PostMapping(path = "/population-versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PopulationVersionResource> importPopulation(@RequestPart("file") MultipartFile file,
            @RequestParam("referenceDate") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate referenceDate,
            @RequestParam(name = "label", required = false) String label) throws IOException {
        var version = populations.importVersion(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8),
                referenceDate, label);
        return ResponseEntity.created(URI.create("/api/v1/population-versions/" + version.id())).body(version(version));
    }

    private ProvinceResource province(Province p) {
        return new ProvinceResource(p.code().value(), p.name(), p.municipalityCount(),
                registry.inProvince(p.code()).stream().map(m -> m.code().value()).sorted().toList());
    }

    private static ProvinceRef provinceOf(Municipality m) {
        return new ProvinceRef(m.province().value(), m.provinceName());
    }

    private static RegionResource region(Region r) {
        return new RegionResource(r.code(), r.kind().name(), r.name(), r.description(),
                r.members().stream().map(MunicipalityCode::value).toList(), r.version());
    }

    private static PopulationVersionResource version(PopulationVersion v) {
        return new PopulationVersionResource(v.id(), v.referenceDate(), v.label(), v.source(), v.official(),
                v.importedAt(), v.total(), v.municipalityCount());
    }

    private static RegionForm form(RegionRequest request) {
        Set<MunicipalityCode> members = new TreeSet<>();
        var problems = new java.util.ArrayList<InvalidInput.Problem>();
        if (request.municipalities() != null) {
            for (var code : request.municipalities()) {
                var parsed = MunicipalityPages.parse(code);
                if (parsed.isEmpty()) {
                    problems.add(InvalidInput.Problem.of("municipalities", "region.members.unknown", code));
                }
                parsed.ifPresent(members::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new RegionForm(request.name(), request.description(), members);
    }
}
