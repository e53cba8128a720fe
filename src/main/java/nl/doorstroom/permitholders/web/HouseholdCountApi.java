package nl.doorstroom.permitholders.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Province;
import nl.doorstroom.permitholders.Funnel;
import nl.doorstroom.permitholders.HouseholdOverview;
import nl.doorstroom.permitholders.HouseholdOverview.Area;
import nl.doorstroom.permitholders.OverdueBand;
import nl.doorstroom.permitholders.OverdueRow;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counts over the register without personal data (overdue households, the funnel, the weekly flow),
 * for every signed-in role.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Vergunninghouders: cijfers", description = "Aantallen huishoudens en personen zonder persoonsgegevens: "
        + "over de norm, de trechter van vergunning tot woning en de stroom per week. Voor elke aangemelde rol.")
class HouseholdCountApi {

    static final int MAXIMUM_WEEKS = 104;

    @Schema(description = "Huishoudens over de norm in één gebied")
    record OverdueArea(
            @Schema(description = "NATION, PROVINCE, MUNICIPALITY of UNLINKED (nog niet gekoppeld, bij COA)") String kind,
            String code, String name,
            @Schema(description = "Huishoudens over de norm van hun huidige stap") long overdueHouseholds,
            long overduePersons,
            @Schema(description = "Huishoudens per mate van overschrijding") Map<OverdueBand, Long> households,
            Map<OverdueBand, Long> persons,
            @Schema(description = "Nog in de opvang, langer dan 14 weken na de vergunning") long pastFourteenWeeksHouseholds,
            long pastFourteenWeeksPersons,
            @Schema(description = "HAR-plaatsingen langer dan zes maanden") long harOverTermHouseholds) {
    }

    record OverdueCounts(LocalDate date, OverdueArea area,
            @Schema(description = "Per provincie en één rij nog niet gekoppeld (landelijk), of per gemeente (provincie)")
            List<OverdueArea> rows) {
    }

    @Schema(description = "Het gebied van de cijfers")
    record AreaRef(@Schema(description = "NATION, PROVINCE of MUNICIPALITY") String kind, String code, String name) {
    }

    record Count(long households, long persons) {

        static Count of(Funnel.Count count) {
            return new Count(count.households(), count.persons());
        }
    }

    @Schema(description = "Hoe ver de huishoudens van een gebied kwamen, met de mediane dagen per stap. Voor een "
            + "provincie of gemeente zijn dat de huishoudens die daaraan gekoppeld zijn.")
    record FunnelCounts(AreaRef area, LocalDate permitsFrom, Count registered, Count linked,
            Count offered, @Schema(description = "Verhuisd naar een woning") Count housed,
            @Schema(description = "Geplaatst onder de HAR") Count har, BigDecimal medianDaysToLink,
            BigDecimal medianDaysToOffer, BigDecimal medianDaysToMove, BigDecimal medianDaysToHar) {
    }

    @Schema(description = "Huishoudens en personen per week (begin op maandag) en per stap: REGISTERED (alleen "
            + "landelijk), LINKED, LINK_CANCELLED, OFFERED, HAR_PLACED, MOVED_IN")
    record FlowCounts(AreaRef area, List<LocalDate> weeks, Map<String, List<Long>> households,
            Map<String, List<Long>> persons) {
    }

    private final HouseholdOverview overview;
    private final MunicipalityRegistry registry;

    HouseholdCountApi(HouseholdOverview overview, MunicipalityRegistry registry) {
        this.overview = overview;
        this.registry = registry;
    }

    @Operation(summary = "Huishoudens over de norm: landelijk per provincie, of per gemeente van een provincie",
            description = "Vandaag. Landelijk met één rij voor huishoudens die nog niet gekoppeld zijn.")
    @GetMapping("/household-overdue-counts")
    OverdueCounts overdue(@Parameter(description = "Provinciecode, zoals PV26") @RequestParam(required = false) String province) {
        var area = area(province, null);
        var counts = overview.overdue(area.province(), today());
        var rows = counts.rows().stream().map(r -> overdueArea(r, area.province() == null)).toList();
        var total = counts.total();
        var whole = area.province() == null
                ? overdueArea("NATION", "NL", "Nederland", total)
                : overdueArea("PROVINCE", area.province().value(), provinceName(area.province()), total);
        return new OverdueCounts(counts.date(), whole, rows);
    }

    @Operation(summary = "De trechter van vergunning tot woning, landelijk of voor een provincie of gemeente",
            description = "Optioneel alleen huishoudens met een vergunning vanaf 'permitsFrom'. Geef province of municipality, niet beide.")
    @GetMapping("/household-funnel")
    FunnelCounts funnel(@RequestParam(required = false) String province, @RequestParam(required = false) String municipality,
            @RequestParam(required = false) LocalDate permitsFrom) {
        var area = area(province, municipality);
        var f = overview.funnel(area, permitsFrom);
        return new FunnelCounts(named(area), permitsFrom, Count.of(f.registered()),
                Count.of(f.linked()), Count.of(f.offered()), Count.of(f.housed()), Count.of(f.har()),
                round(f.medianDaysToLink()), round(f.medianDaysToOffer()), round(f.medianDaysToMove()),
                round(f.medianDaysToHar()));
    }

    @Operation(summary = "Huishoudens per week en stap, landelijk of voor een provincie of gemeente",
            description = "De 'weeks' weken (standaard 12, ten hoogste " + MAXIMUM_WEEKS + ") tot en met de week van "
                    + "vandaag. Geef province of municipality, niet beide.")
    @GetMapping("/household-flow")
    FlowCounts flow(@RequestParam(defaultValue = "12") int weeks, @RequestParam(required = false) String province,
            @RequestParam(required = false) String municipality) {
        var problems = new ArrayList<Problem>();
        if (weeks < 1 || weeks > MAXIMUM_WEEKS) {
            problems.add(Problem.of("weeks", "householdApi.weeks.range", MAXIMUM_WEEKS));
        }
        var area = area(province, municipality, problems);
        var flow = overview.weeklyFlow(area, weeks, today());
        return new FlowCounts(named(area), flow.weeks(), flow.households(), flow.persons());
    }

    private Area area(String province, String municipality) {
        return area(province, municipality, new ArrayList<>());
    }

    /** The area asked for; every problem with the request (including those given) at once. */
    private Area area(String province, String municipality, List<Problem> problems) {
        ProvinceCode provinceCode = null;
        MunicipalityCode municipalityCode = null;
        try {
            provinceCode = HouseholdRequests.province(province, "province");
            if (provinceCode != null && !registry.exists(provinceCode)) {
                problems.add(Problem.of("province", "householdApi.province.unknown", provinceCode.value()));
            }
        }
        catch (InvalidInput e) {
            problems.addAll(e.problems());
        }
        try {
            municipalityCode = HouseholdRequests.municipality(municipality, "municipality");
            if (municipalityCode != null && !registry.exists(municipalityCode)) {
                problems.add(Problem.of("municipality", "household.municipality.unknown", municipalityCode.value()));
            }
        }
        catch (InvalidInput e) {
            problems.addAll(e.problems());
        }
        if (province != null && !province.isBlank() && municipality != null && !municipality.isBlank()) {
            problems.add(Problem.of("municipality", "householdApi.area.both"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return provinceCode != null ? Area.of(provinceCode)
                : municipalityCode != null ? Area.of(municipalityCode) : Area.nation();
    }

    private AreaRef named(Area area) {
        if (area.province() != null) {
            return new AreaRef("PROVINCE", area.province().value(), provinceName(area.province()));
        }
        if (area.municipality() != null) {
            return new AreaRef("MUNICIPALITY", area.municipality().value(),
                    registry.find(area.municipality()).map(Municipality::name).orElse(null));
        }
        return new AreaRef("NATION", "NL", "Nederland");
    }

    private OverdueArea overdueArea(OverdueRow row, boolean national) {
        if (row.area() == null) {
            return overdueArea("UNLINKED", null, null, row);
        }
        if (national) {
            var code = ProvinceCode.of(row.area());
            return overdueArea("PROVINCE", row.area(), provinceName(code), row);
        }
        return overdueArea("MUNICIPALITY", row.area(),
                registry.find(MunicipalityCode.of(row.area())).map(Municipality::name).orElse(null), row);
    }

    private static OverdueArea overdueArea(String kind, String code, String name, OverdueRow row) {
        return new OverdueArea(kind, code, name, row.overdueHouseholds(), row.overduePersons(), row.households(),
                row.persons(), row.pastFourteenWeeksHouseholds(), row.pastFourteenWeeksPersons(), row.harOverTerm());
    }

    private String provinceName(ProvinceCode code) {
        return registry.province(code).map(Province::name).orElse(null);
    }

    private static BigDecimal round(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }
}
