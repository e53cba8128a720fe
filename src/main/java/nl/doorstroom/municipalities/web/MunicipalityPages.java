package nl.doorstroom.municipalities.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.municipalities.Regions;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class MunicipalityPages {

    /** A row of the municipality tables: the municipality with its population in the chosen version. */
    record MunicipalityRow(Municipality municipality, Long population, Double density) {

        static MunicipalityRow of(Municipality municipality, java.util.Map<MunicipalityCode, Long> figures) {
            var population = figures.get(municipality.code());
            return new MunicipalityRow(municipality, population,
                    population == null ? null : population / municipality.areaKm2().doubleValue());
        }
    }

    private final MunicipalityRegistry registry;
    private final Populations populations;
    private final Regions regions;

    MunicipalityPages(MunicipalityRegistry registry, Populations populations, Regions regions) {
        this.registry = registry;
        this.populations = populations;
        this.regions = regions;
    }

    @GetMapping("/municipalities")
    String list(@RequestParam(required = false) String province, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "name") String sort, Model model) {
        var version = populations.latest();
        var query = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        var chosen = province == null ? null : parseProvince(province).orElse(null);
        var rows = rows(registry.all().stream()
                .filter(m -> chosen == null || m.province().equals(chosen))
                .filter(m -> query.isEmpty() || m.name().toLowerCase(Locale.ROOT).contains(query)
                        || m.code().value().toLowerCase(Locale.ROOT).contains(query))
                .toList(), version.id());
        model.addAttribute("rows", sorted(rows, sort));
        model.addAttribute("sort", sort);
        model.addAttribute("province", province);
        model.addAttribute("q", q);
        model.addAttribute("provinces", registry.provinces());
        model.addAttribute("version", version);
        return "municipalities/list";
    }

    @GetMapping("/municipalities/{code}")
    String show(@PathVariable String code, Model model) {
        var municipality = parse(code).flatMap(registry::find)
                .orElseThrow(() -> new PageNotFound("municipality", code));
        model.addAttribute("municipality", municipality);
        model.addAttribute("neighbours", registry.neighboursOf(municipality.code()));
        model.addAttribute("populationHistory", populations.historyOf(municipality.code()));
        model.addAttribute("coaRegion", regions.find(municipality.coaRegion()).orElse(null));
        model.addAttribute("regions", regions.all().stream()
                .filter(r -> r.members().contains(municipality.code())).toList());
        return "municipalities/show";
    }

    @GetMapping("/provinces")
    String provinces(Model model) {
        var version = populations.latest();
        var figures = populations.figures(version.id());
        model.addAttribute("provinces", registry.provinces());
        model.addAttribute("populationOf", registry.provinces().stream().collect(java.util.stream.Collectors.toMap(
                p -> p.code().value(),
                p -> registry.inProvince(p.code()).stream().mapToLong(m -> figures.getOrDefault(m.code(), 0L)).sum())));
        model.addAttribute("version", version);
        return "municipalities/provinces";
    }

    @GetMapping("/provinces/{code}")
    String province(@PathVariable String code, @RequestParam(defaultValue = "name") String sort, Model model) {
        var province = parseProvince(code).flatMap(registry::province)
                .orElseThrow(() -> new PageNotFound("province", code));
        var version = populations.latest();
        model.addAttribute("province", province);
        model.addAttribute("rows", sorted(rows(registry.inProvince(province.code()), version.id()), sort));
        model.addAttribute("sort", sort);
        model.addAttribute("version", version);
        return "municipalities/province";
    }

    private List<MunicipalityRow> rows(List<Municipality> municipalities, long versionId) {
        var figures = populations.figures(versionId);
        return municipalities.stream().map(m -> MunicipalityRow.of(m, figures)).toList();
    }

    private static List<MunicipalityRow> sorted(List<MunicipalityRow> rows, String sort) {
        Comparator<MunicipalityRow> order = switch (sort) {
            case "population" -> Comparator.comparing(MunicipalityRow::population,
                    Comparator.nullsLast(Comparator.reverseOrder()));
            case "density" -> Comparator.comparing(MunicipalityRow::density,
                    Comparator.nullsLast(Comparator.reverseOrder()));
            case "code" -> Comparator.comparing(r -> r.municipality().code());
            case "province" -> Comparator.comparing((MunicipalityRow r) -> r.municipality().provinceName())
                    .thenComparing(r -> r.municipality().name());
            default -> Comparator.comparing(r -> r.municipality().name());
        };
        return rows.stream().sorted(order).toList();
    }

    static java.util.Optional<MunicipalityCode> parse(String code) {
        try {
            return java.util.Optional.of(MunicipalityCode.of(code));
        }
        catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    static java.util.Optional<ProvinceCode> parseProvince(String code) {
        try {
            return java.util.Optional.of(ProvinceCode.of(code));
        }
        catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
