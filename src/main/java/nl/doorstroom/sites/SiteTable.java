package nl.doorstroom.sites;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import nl.doorstroom.documents.Table;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * A list of sites as a table for download (CSV, Excel). Its columns are named so that an import reads
 * the file back ({@link SiteFile}): the municipality's code beside its name, kinds, owners and statuses in
 * words the import knows. The province, the date of the status and the HAR column are for reading only.
 */
public final class SiteTable {

    /** The columns' message keys, in order. */
    static final List<String> COLUMNS = List.of("id", "name", "kind", "municipality", "municipalityCode", "province",
            "address", "latitude", "longitude", "owner", "capacity", "availableFrom", "availableUntil", "costPerNight",
            "status", "statusSince", "har", "contactPerson", "notes");

    private static final List<Table.Kind> KINDS = List.of(Table.Kind.INTEGER, Table.Kind.TEXT, Table.Kind.TEXT,
            Table.Kind.TEXT, Table.Kind.TEXT, Table.Kind.TEXT, Table.Kind.TEXT, Table.Kind.DECIMAL, Table.Kind.DECIMAL,
            Table.Kind.TEXT, Table.Kind.INTEGER, Table.Kind.DATE, Table.Kind.DATE, Table.Kind.DECIMAL, Table.Kind.TEXT,
            Table.Kind.DATE, Table.Kind.TEXT, Table.Kind.TEXT, Table.Kind.TEXT);

    private SiteTable() {
    }

    /**
     * @param text a message by its key, in the reader's language ({@code sites.col.*}, {@code site.kind.*}, ...)
     * @param note the reference note every export repeats on its first line
     */
    public static Table of(List<TemporarySite> sites, LocalDate today, Function<String, String> text,
            Function<MunicipalityCode, String> municipalityName, Function<ProvinceCode, String> provinceName,
            String title, String note) {
        var columns = new ArrayList<Table.Column>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            columns.add(new Table.Column(text.apply("sites.col." + COLUMNS.get(i)), KINDS.get(i)));
        }
        var rows = new ArrayList<List<Object>>();
        for (var s : sites) {
            rows.add(Arrays.asList(s.id(), s.name(), text.apply(s.kind().messageKey()), municipalityName.apply(s.municipality()),
                    s.municipality().value(), s.province() == null ? null : provinceName.apply(s.province()), s.address(),
                    s.latitude(), s.longitude(), text.apply(s.owner().messageKey()), s.capacity(), s.availableFrom(),
                    s.availableUntil(), s.costPerNight(), text.apply(s.status().messageKey()), s.statusSince(),
                    text.apply(s.qualifiesForHar(today) ? "common.yes" : "common.no"), s.contactPerson(), s.notes()));
        }
        return new Table(title, columns, rows, note);
    }
}
