package nl.doorstroom.permitholders.web;

import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Region;
import nl.doorstroom.municipalities.Regions;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.stereotype.Component;

/** The provinces, municipalities and COA linking regions the household pages offer as choices and show by name. */
@Component
class AreaChoices {

    /** A province with its municipalities, for an {@code <optgroup>}. */
    record ProvinceGroup(String code, String name, String region, List<Municipality> municipalities) {
    }

    private final MunicipalityRegistry registry;
    private final Regions regions;

    AreaChoices(MunicipalityRegistry registry, Regions regions) {
        this.registry = registry;
        this.regions = regions;
    }

    String name(MunicipalityCode code) {
        return code == null ? null : registry.find(code).map(Municipality::name).orElse(code.value());
    }

    /** Provinces in their usual order, each with its municipalities by name and its COA linking region. */
    List<ProvinceGroup> groups() {
        var groups = new ArrayList<ProvinceGroup>();
        for (var province : registry.provinces()) {
            var members = registry.inProvince(province.code()).stream()
                    .sorted(java.util.Comparator.comparing(Municipality::name)).toList();
            groups.add(new ProvinceGroup(province.code().value(), province.name(),
                    members.isEmpty() ? null : members.get(0).coaRegion(), members));
        }
        return groups;
    }

    /** The provinces of one linking region first, then the others. */
    List<ProvinceGroup> groupsFrom(String region) {
        var first = new ArrayList<ProvinceGroup>();
        var rest = new ArrayList<ProvinceGroup>();
        for (var group : groups()) {
            (region != null && region.equals(group.region()) ? first : rest).add(group);
        }
        first.addAll(rest);
        return first;
    }

    List<nl.doorstroom.municipalities.Province> provinces() {
        return registry.provinces();
    }

    /** COA's five linking regions. */
    List<Region> linkingRegions() {
        return regions.all().stream().filter(r -> r.kind() == Region.RegionKind.COA_LINKING)
                .sorted(java.util.Comparator.comparing(Region::code)).toList();
    }

    /** The name of a linking region by its code, or the code. */
    String regionName(String code) {
        return code == null ? null
                : linkingRegions().stream().filter(r -> r.code().equals(code)).map(Region::name).findFirst().orElse(code);
    }

    MunicipalityRegistry registry() {
        return registry;
    }
}
