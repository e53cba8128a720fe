package nl.doorstroom.quota.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.quota.MunicipalQuota;
import nl.doorstroom.quota.PublishedQuota;

/**
 * One municipality in the table of a half-year: its population iG, the exact share vg × iG / iN,
 * the quota (that share rounded up, art. 29(1)) and the net change by transfers (art. 29(2)).
 */
record QuotaRow(String code, String name, String province, String provinceName, long population,
        BigDecimal exactShare, long quota, long transferred) {

    static final List<String> SORTS = List.of("name", "quota", "population");

    private static final Collator DUTCH = Collator.getInstance(Locale.forLanguageTag("nl"));

    static QuotaRow of(MunicipalQuota quota, Municipality municipality, PublishedQuota calculation, long transferred) {
        // The exact share is shown, not used: the quota itself was computed in integers by QuotaRule.
        var exact = BigDecimal.valueOf(calculation.nationalTotal()).multiply(BigDecimal.valueOf(quota.population()))
                .divide(BigDecimal.valueOf(calculation.populationTotal()), 3, RoundingMode.HALF_UP);
        var code = quota.municipality().value();
        return new QuotaRow(code, municipality == null ? code : municipality.name(),
                municipality == null ? "" : municipality.province().value(),
                municipality == null ? "" : municipality.provinceName(), quota.population(), exact, quota.quota(),
                transferred);
    }

    public long quotaAfterTransfers() {
        return quota + transferred;
    }

    boolean matches(String query, String provinceCode) {
        if (provinceCode != null && !provinceCode.isBlank() && !province.equals(provinceCode)) {
            return false;
        }
        if (query == null || query.isBlank()) {
            return true;
        }
        var q = query.strip().toLowerCase(Locale.ROOT);
        return name.toLowerCase(Locale.ROOT).contains(q) || code.toLowerCase(Locale.ROOT).contains(q);
    }

    static Comparator<QuotaRow> order(String sort) {
        Comparator<QuotaRow> byName = Comparator.comparing(QuotaRow::name, DUTCH);
        return switch (sort) {
            case "quota" -> Comparator.comparingLong(QuotaRow::quota).reversed().thenComparing(byName);
            case "population" -> Comparator.comparingLong(QuotaRow::population).reversed().thenComparing(byName);
            default -> byName;
        };
    }

    static String sortOrDefault(String sort) {
        return sort != null && SORTS.contains(sort) ? sort : "name";
    }
}
