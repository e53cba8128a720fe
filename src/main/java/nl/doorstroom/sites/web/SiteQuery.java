package nl.doorstroom.sites.web;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import nl.doorstroom.sites.SiteFilter;
import nl.doorstroom.sites.SiteKind;
import nl.doorstroom.sites.SiteStatus;

/**
 * The filters of the site list as the address holds them: {@code province}, {@code municipality}, {@code kind}
 * and {@code status} (each may repeat) and {@code har} ({@code yes} or {@code no}). A value that cannot be read
 * is a problem shown above the list, and that filter is left out.
 */
record SiteQuery(String province, String municipality, List<String> kind, List<String> status, String har) {

    SiteQuery {
        kind = kind == null ? List.of() : kind.stream().filter(k -> k != null && !k.isBlank()).toList();
        status = status == null ? List.of() : status.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    SiteFilter filter(List<Problem> problems) {
        ProvinceCode inProvince = null;
        if (province != null && !province.isBlank()) {
            try {
                inProvince = ProvinceCode.of(province.strip().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException e) {
                problems.add(Problem.of("filter", "sites.filter.invalid", province.strip(), "province"));
            }
        }
        MunicipalityCode inMunicipality = null;
        if (municipality != null && !municipality.isBlank()) {
            try {
                inMunicipality = MunicipalityCode.parse(municipality);
            }
            catch (IllegalArgumentException e) {
                problems.add(Problem.of("filter", "sites.filter.invalid", municipality.strip(), "municipality"));
            }
        }
        var kinds = new HashSet<SiteKind>();
        for (var k : kind) {
            parse(SiteKind.class, k, "kind", problems, kinds);
        }
        var statuses = new HashSet<SiteStatus>();
        for (var s : status) {
            parse(SiteStatus.class, s, "status", problems, statuses);
        }
        Boolean qualifying = null;
        if (har != null && !har.isBlank()) {
            switch (har.strip().toLowerCase(Locale.ROOT)) {
                case "yes", "true", "ja" -> qualifying = true;
                case "no", "false", "nee" -> qualifying = false;
                default -> problems.add(Problem.of("filter", "sites.filter.invalid", har.strip(), "har"));
            }
        }
        return new SiteFilter(inProvince, inMunicipality, kinds, statuses, qualifying);
    }

    private static <E extends Enum<E>> void parse(Class<E> type, String text, String name, List<Problem> problems,
            Set<E> into) {
        try {
            into.add(Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)));
        }
        catch (IllegalArgumentException e) {
            problems.add(Problem.of("filter", "sites.filter.invalid", text.strip(), name));
        }
    }
}
