package nl.doorstroom.sites;

import java.util.Set;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * Which sites to list; every part may be empty (no filter). Within the reader's scope in any case.
 *
 * @param harQualifying true: only sites that qualify for the HAR today; false: only those that do not
 */
public record SiteFilter(ProvinceCode province, MunicipalityCode municipality, Set<SiteKind> kinds,
        Set<SiteStatus> statuses, Boolean harQualifying) {

    public static final SiteFilter ALL = new SiteFilter(null, null, Set.of(), Set.of(), null);

    public SiteFilter {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** For the audit trail: the filter without personal data (it holds none). */
    String describe() {
        return "province=" + (province == null ? "" : province.value()) + " municipality="
                + (municipality == null ? "" : municipality.value()) + " kinds=" + kinds.stream().map(Enum::name).sorted().toList()
                + " statuses=" + statuses.stream().map(Enum::name).sorted().toList() + " har=" + (harQualifying == null ? "" : harQualifying);
    }
}
