package nl.doorstroom.sites;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.doorstroom.shared.ProvinceCode;

/**
 * Counts and capacity of a list of sites, by kind, by status and by province, and in all.
 */
public record SiteOverview(List<Row<SiteKind>> kinds, List<Row<SiteStatus>> statuses,
        List<Row<ProvinceCode>> provinces, Totals total) {

    /**
     * @param sites every site counted
     * @param persons the capacity of every site counted, whatever its status
     * @param openPersons the capacity of the sites that are not closed or dropped
     * @param pursuedPersons of those, still being pursued (identified, contacted, under negotiation)
     * @param harQualifying the sites that qualify for the HAR on the day of the overview
     */
    public record Totals(int sites, int persons, int openPersons, int pursuedPersons, int agreedPersons, int inUsePersons,
            int harQualifying) {

        static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0);

        Totals plus(TemporarySite site, LocalDate on) {
            var status = site.status();
            int capacity = site.capacity();
            boolean pursued = status == SiteStatus.IDENTIFIED || status == SiteStatus.CONTACTED
                    || status == SiteStatus.UNDER_NEGOTIATION;
            return new Totals(sites + 1, persons + capacity, openPersons + (status.ended() ? 0 : capacity),
                    pursuedPersons + (pursued ? capacity : 0),
                    agreedPersons + (status == SiteStatus.AGREED ? capacity : 0),
                    inUsePersons + (status == SiteStatus.IN_USE ? capacity : 0),
                    harQualifying + (site.qualifiesForHar(on) ? 1 : 0));
        }
    }

    public record Row<K>(K key, Totals totals) {
    }

    /** Every kind and status is listed, also with no site; provinces only where there are sites. */
    public static SiteOverview of(List<TemporarySite> sites, LocalDate on) {
        var kinds = new EnumMap<SiteKind, Totals>(SiteKind.class);
        for (var kind : SiteKind.values()) {
            kinds.put(kind, Totals.NONE);
        }
        var statuses = new EnumMap<SiteStatus, Totals>(SiteStatus.class);
        for (var status : SiteStatus.values()) {
            statuses.put(status, Totals.NONE);
        }
        var provinces = new TreeMap<ProvinceCode, Totals>();
        var total = Totals.NONE;
        for (var site : sites) {
            kinds.compute(site.kind(), (k, t) -> t.plus(site, on));
            statuses.compute(site.status(), (k, t) -> t.plus(site, on));
            if (site.province() != null) {
                provinces.compute(site.province(), (k, t) -> (t == null ? Totals.NONE : t).plus(site, on));
            }
            total = total.plus(site, on);
        }
        return new SiteOverview(rows(kinds), rows(statuses), rows(provinces), total);
    }

    private static <K> List<Row<K>> rows(Map<K, Totals> totals) {
        var rows = new ArrayList<Row<K>>();
        totals.forEach((key, value) -> rows.add(new Row<>(key, value)));
        return List.copyOf(rows);
    }
}
