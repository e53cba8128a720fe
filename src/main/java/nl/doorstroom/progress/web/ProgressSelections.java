package nl.doorstroom.progress.web;

import java.util.List;
import java.util.Set;

import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Region;
import nl.doorstroom.municipalities.Regions;
import nl.doorstroom.progress.PeriodTotals;
import nl.doorstroom.progress.ProgressPicture;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.stereotype.Component;

/** The rows a progress page or download shows: municipalities filtered and sorted, provinces in order. */
@Component
class ProgressSelections {

    record ProvinceRow(String code, String name, PeriodTotals current) {
    }

    private final MunicipalityRegistry registry;
    private final Regions regions;

    ProgressSelections(MunicipalityRegistry registry, Regions regions) {
        this.registry = registry;
        this.regions = regions;
    }

    /** Each province's sums in the running half-year of the picture. */
    List<ProvinceRow> provinceRows(ProgressPicture picture) {
        return registry.provinces().stream().map(p -> {
            var totals = picture.province(p.code());
            return new ProvinceRow(p.code().value(), p.name(), totals.get(totals.size() - 1));
        }).toList();
    }

    /** The municipalities matching the filters (each may be empty), in the chosen order (default: largest shortfall first). */
    List<ProgressRow> rows(ProgressPicture picture, String province, String region, String colour, String q,
            String sort) {
        Set<MunicipalityCode> members = region == null || region.isBlank() ? null
                : regions.find(region).map(Region::members).map(Set::copyOf).orElse(Set.of());
        return picture.municipalities().stream().map(ProgressRow::of)
                .filter(r -> province == null || province.isBlank() || r.province().equals(province))
                .filter(r -> members == null || members.contains(MunicipalityCode.of(r.code())))
                .filter(r -> colour == null || colour.isBlank() || r.current().colour().name().equals(colour))
                .filter(r -> r.matches(q))
                .sorted(ProgressRow.SORTS.getOrDefault(sort, ProgressRow.SORTS.get("shortfall")))
                .toList();
    }
}
