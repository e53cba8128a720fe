package nl.doorstroom.reception;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import nl.doorstroom.documents.TabularUpload;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;

/**
 * Reads COA's daily or weekly figures from a CSV file (comma or semicolon) or an Excel workbook (the first
 * sheet): one row per location and day, with a header naming the columns {@code location, date, in_procedure,
 * permit_holders, other} (Dutch names work too; order free, other columns ignored). Either every row is right,
 * or the file is refused with every problem by row and column: an unknown location, an unreadable or future
 * date, a day on which the location was not open, a missing, broken or negative number, and the same location and
 * day twice in the file.
 */
final class OccupancyFile {

    static final String LOCATION = "location";
    static final String DATE = "date";
    static final String IN_PROCEDURE = "in_procedure";
    static final String PERMIT_HOLDERS = "permit_holders";
    static final String OTHER = "other";

    static final List<String> COLUMNS = List.of(LOCATION, DATE, IN_PROCEDURE, PERMIT_HOLDERS, OTHER);

    /** The names each column is recognised by, lower case without spaces, dashes or underscores. */
    static final Map<String, List<String>> HEADERS = Map.of(
            LOCATION, List.of("location", "locatie", "locationcode", "locatiecode", "code"),
            DATE, List.of("date", "datum", "peildatum"),
            IN_PROCEDURE, List.of("inprocedure", "asielzoekers", "asylumseekers", "asielzoekersinprocedure"),
            PERMIT_HOLDERS, List.of("permitholders", "vergunninghouders", "statushouders"),
            OTHER, List.of("other", "overig", "overigen", "others"));

    static final String KEYS = "reception.import";

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu");

    /** One location's figures on a day, from the row of the file it came from. */
    record Entry(int row, long locationId, Occupancy occupancy) {
    }

    private record Line(int line, List<String> cells) {
    }

    private OccupancyFile() {
    }

    /** @param locations a location by its code (upper case) */
    static List<Entry> read(InputStream input, Function<String, Optional<ReceptionLocation>> locations, LocalDate today) {
        var lines = lines(input);
        var header = lines.get(0);
        var columns = columns(header.cells());
        var problems = new ArrayList<Problem>();
        for (var column : COLUMNS) {
            if (!columns.containsKey(column)) {
                problems.add(Problem.atRow(header.line(), column, KEYS + ".header.missing", column));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (lines.size() < 2) {
            throw InvalidInput.of("file", KEYS + ".file.noRows");
        }
        var entries = new ArrayList<Entry>();
        var firstRow = new HashMap<String, Integer>();
        for (var line : lines.subList(1, lines.size())) {
            int row = line.line();
            var cells = line.cells();
            Function<String, String> cell = column -> columns.get(column) < cells.size() ? cells.get(columns.get(column)) : "";
            var rowProblems = new ArrayList<Problem>();
            ReceptionLocation found = null;
            var code = cell.apply(LOCATION).strip().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                rowProblems.add(Problem.atRow(row, LOCATION, KEYS + ".location.missing"));
            }
            else {
                found = locations.apply(code).orElse(null);
                if (found == null) {
                    rowProblems.add(Problem.atRow(row, LOCATION, KEYS + ".location.unknown", code));
                }
            }
            var location = found == null ? null : found.id();
            var date = date(cell.apply(DATE), row, today, rowProblems);
            // Figures on a day the location was not open are a wrong code or date (the closing day still counts).
            if (found != null && date != null && ((found.openedOn() != null && date.isBefore(found.openedOn()))
                    || (found.closedOn() != null && date.isAfter(found.closedOn())))) {
                rowProblems.add(Problem.atRow(row, DATE, KEYS + ".date.notOpen", code, date.toString()));
                date = null;
            }
            var inProcedure = count(cell.apply(IN_PROCEDURE), row, IN_PROCEDURE, rowProblems);
            var permitHolders = count(cell.apply(PERMIT_HOLDERS), row, PERMIT_HOLDERS, rowProblems);
            var other = count(cell.apply(OTHER), row, OTHER, rowProblems);
            if (location != null && date != null) {
                var earlier = firstRow.putIfAbsent(location + "/" + date, row);
                if (earlier != null) {
                    rowProblems.add(Problem.atRow(row, DATE, KEYS + ".duplicate", code, date.toString(), earlier));
                }
            }
            problems.addAll(rowProblems);
            if (rowProblems.isEmpty()) {
                entries.add(new Entry(row, location, new Occupancy(date, inProcedure, permitHolders, other)));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(Problem::row));
            throw new InvalidInput(problems);
        }
        return entries;
    }

    private static LocalDate date(String text, int row, LocalDate today, List<Problem> problems) {
        if (text.isBlank()) {
            problems.add(Problem.atRow(row, DATE, KEYS + ".date.missing"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            try {
                // Dutch Excel writes 28-11-2026.
                date = LocalDate.parse(text.strip(), DUTCH_DATE);
            }
            catch (DateTimeParseException again) {
                problems.add(Problem.atRow(row, DATE, KEYS + ".date.invalid", text.strip()));
                return null;
            }
        }
        if (date.isAfter(today)) {
            problems.add(Problem.atRow(row, DATE, KEYS + ".date.future", date.toString()));
            return null;
        }
        if (date.getYear() < 2000) {
            problems.add(Problem.atRow(row, DATE, "reception.date.tooEarly", date.toString()));
            return null;
        }
        return date;
    }

    private static Integer count(String text, int row, String column, List<Problem> problems) {
        if (text.isBlank()) {
            problems.add(Problem.atRow(row, column, KEYS + ".number.missing"));
            return null;
        }
        // Thousands as COA's spreadsheets write them: 1.234 or 1,234.
        var digits = text.strip().replaceAll("(?<=\\d)[.,](?=\\d{3}(\\D|$))", "");
        long value;
        try {
            value = Long.parseLong(digits);
        }
        catch (NumberFormatException e) {
            problems.add(Problem.atRow(row, column, KEYS + ".number.invalid", text.strip()));
            return null;
        }
        if (value < 0) {
            problems.add(Problem.atRow(row, column, KEYS + ".number.negative", value));
            return null;
        }
        if (value > LocationForm.MAXIMUM_CAPACITY * 2L) {
            problems.add(Problem.atRow(row, column, KEYS + ".number.tooLarge", value));
            return null;
        }
        return (int) value;
    }

    private static Map<String, Integer> columns(List<String> header) {
        var columns = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            var name = header.get(i).toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
            for (var column : COLUMNS) {
                if (HEADERS.get(column).contains(name)) {
                    columns.putIfAbsent(column, i);
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
