package nl.doorstroom.sites;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import nl.doorstroom.documents.TabularUpload;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * Reads a list of temporary sites, such as a province's list, from a CSV file (comma or semicolon) or an
 * Excel workbook (the first sheet): one row per site, with a header row naming the columns in English or
 * Dutch (see {@link #HEADERS}; order free, other columns ignored). A first line that names no column,
 * such as the reference note of this application's own export, is skipped. Either every row is right, or
 * the file is refused with every problem by row and column: unreadable or missing values, a municipality
 * outside the importer's scope, a status dated in the future, and a site that is the same place ({@link DuplicateRule}) as an earlier
 * row of the file or as a site already in the register. Nothing is merged.
 */
final class SiteFile {

    /** The column names each field is recognised by, compared as {@link Words#normalised}. */
    static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();

    /** Columns that may hold the municipality; the first found wins, so a code column beats a name column. */
    private static final List<String> MUNICIPALITY_CODE = List.of("municipalitycode", "municipality_code", "gemeentecode",
            "cbscode", "code");
    private static final List<String> MUNICIPALITY_NAME = List.of("municipality", "gemeente", "gemeentenaam");

    static {
        HEADERS.put(SiteForm.NAME, List.of("name", "naam", "locatienaam"));
        HEADERS.put(SiteForm.KIND, List.of("kind", "soort", "type"));
        HEADERS.put(SiteForm.ADDRESS, List.of("address", "adres", "location", "locatie", "address or location",
                "adres of locatie"));
        HEADERS.put(SiteForm.LATITUDE, List.of("latitude", "lat", "breedtegraad"));
        HEADERS.put(SiteForm.LONGITUDE, List.of("longitude", "lon", "lng", "lengtegraad"));
        HEADERS.put(SiteForm.OWNER, List.of("owner", "eigenaar"));
        HEADERS.put(SiteForm.CAPACITY, List.of("capacity", "capaciteit", "capacity (persons)", "capaciteit (personen)",
                "personen", "persons"));
        HEADERS.put(SiteForm.AVAILABLE_FROM, List.of("available_from", "beschikbaar_vanaf", "vanaf"));
        HEADERS.put(SiteForm.AVAILABLE_UNTIL, List.of("available_until", "beschikbaar_tot", "tot"));
        HEADERS.put(SiteForm.COST_PER_NIGHT, List.of("cost_per_night", "kosten_per_nacht", "kosten",
                "cost per person per night (euro)", "kosten per persoon per nacht (euro)"));
        HEADERS.put(SiteForm.STATUS, List.of("status"));
        HEADERS.put(SiteForm.STATUS_SINCE, List.of("status_since", "status sinds", "sinds"));
        HEADERS.put(SiteForm.CONTACT_PERSON, List.of("contact_person", "contactpersoon", "contact"));
        HEADERS.put(SiteForm.NOTES, List.of("notes", "notities", "opmerkingen", "toelichting"));
    }

    /** Columns a file must have; the others may be left out (empty). */
    static final List<String> REQUIRED = List.of(SiteForm.NAME, SiteForm.KIND, SiteForm.MUNICIPALITY, SiteForm.ADDRESS,
            SiteForm.OWNER, SiteForm.CAPACITY);

    static final String KEYS = "sites";

    private SiteFile() {
    }

    /** One site read from the file, with the row it came from and the status it is registered in since when (null: today). */
    record Entry(int row, SiteForm form, SiteStatus status, java.time.LocalDate since) {
    }

    /** A row as text, with the number of the line or spreadsheet row it came from. */
    record Line(int line, List<String> cells) {
    }

    /**
     * @param inScope whether the importer may add sites in a municipality
     * @param stored the sites already in the register in these municipalities
     */
    static List<Entry> read(InputStream input, SiteText.Municipalities municipalities, Predicate<MunicipalityCode> inScope,
            Function<Collection<MunicipalityCode>, List<TemporarySites.Stored>> stored, java.time.LocalDate today) {
        var lines = lines(input);
        var header = lines.get(0);
        var columns = columns(header.cells());
        if (!columns.keySet().containsAll(REQUIRED) && lines.size() > 1) {
            // A note above the header, as in this application's own export: the header is the next line.
            var next = columns(lines.get(1).cells());
            if (next.keySet().containsAll(REQUIRED) || next.size() > columns.size()) {
                lines = lines.subList(1, lines.size());
                header = lines.get(0);
                columns = next;
            }
        }
        var problems = new ArrayList<Problem>();
        for (var column : REQUIRED) {
            if (!columns.containsKey(column)) {
                problems.add(Problem.atRow(header.line(), column, "sites.header.missing",
                        column.equals(SiteForm.MUNICIPALITY) ? "municipality" : HEADERS.get(column).get(0)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (lines.size() < 2) {
            throw InvalidInput.of("file", "sites.file.noRows");
        }
        var entries = new ArrayList<Entry>();
        var firstByName = new HashMap<String, Integer>();
        var firstByAddress = new HashMap<String, Integer>();
        var found = columns;
        for (var line : lines.subList(1, lines.size())) {
            var cells = line.cells();
            int row = line.line();
            var reading = SiteText.read(row, field -> found.containsKey(field) && found.get(field) < cells.size()
                    ? cells.get(found.get(field)) : "", municipalities, true);
            var rowProblems = new ArrayList<>(reading.problems());
            var form = reading.form();
            rowProblems.addAll(SiteInventory.sinceProblems(row, reading.since(), today));
            if (form.municipality() != null && municipalities.test(form.municipality()) && !inScope.test(form.municipality())) {
                rowProblems.add(Problem.atRow(row, SiteForm.MUNICIPALITY, "sites.municipality.outsideScope",
                        form.municipality().value()));
            }
            if (form.municipality() != null) {
                var identity = DuplicateRule.Identity.of(form);
                var sameName = identity.name().isEmpty() ? null
                        : firstByName.putIfAbsent(form.municipality().value() + "/" + identity.name(), row);
                var sameAddress = identity.address().isEmpty() ? null
                        : firstByAddress.putIfAbsent(form.municipality().value() + "/" + identity.address(), row);
                if (sameName != null) {
                    rowProblems.add(Problem.atRow(row, SiteForm.NAME, "sites.duplicate.nameInFile", sameName));
                }
                else if (sameAddress != null) {
                    rowProblems.add(Problem.atRow(row, SiteForm.ADDRESS, "sites.duplicate.addressInFile", sameAddress));
                }
            }
            problems.addAll(rowProblems);
            if (rowProblems.isEmpty()) {
                entries.add(new Entry(row, form, reading.status(), reading.since()));
            }
        }
        var registered = stored.apply(entries.stream().map(e -> e.form().municipality()).distinct().toList());
        for (var entry : entries) {
            var identity = DuplicateRule.Identity.of(entry.form());
            for (var site : registered) {
                var match = DuplicateRule.match(identity, site.identity());
                if (match.isPresent()) {
                    problems.add(Problem.atRow(entry.row(),
                            match.get() == DuplicateRule.Match.NAME ? SiteForm.NAME : SiteForm.ADDRESS,
                            match.get() == DuplicateRule.Match.NAME ? "sites.duplicate.nameRegistered"
                                    : "sites.duplicate.addressRegistered", site.id(), site.name()));
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(Problem::row));
            throw new InvalidInput(problems);
        }
        return entries;
    }

    /** The columns of a header row by field; the municipality from a code column before a name column. */
    private static Map<String, Integer> columns(List<String> header) {
        var columns = new HashMap<String, Integer>();
        var names = header.stream().map(Words::normalised).toList();
        for (var field : HEADERS.entrySet()) {
            var aliases = field.getValue().stream().map(Words::normalised).toList();
            for (int i = 0; i < names.size(); i++) {
                if (aliases.contains(names.get(i))) {
                    columns.putIfAbsent(field.getKey(), i);
                }
            }
        }
        for (var aliases : List.of(MUNICIPALITY_CODE, MUNICIPALITY_NAME)) {
            var normalised = aliases.stream().map(Words::normalised).toList();
            for (int i = 0; i < names.size() && !columns.containsKey(SiteForm.MUNICIPALITY); i++) {
                if (normalised.contains(names.get(i))) {
                    columns.put(SiteForm.MUNICIPALITY, i);
                }
            }
        }
        return columns;
    }

    /** The file's rows as text, from a workbook or CSV ({@link TabularUpload}). */
    private static List<Line> lines(InputStream input) {
        return TabularUpload.read(input, KEYS).stream().map(r -> new Line(r.line(), r.cells())).toList();
    }
}
