package nl.doorstroom.reception;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import nl.doorstroom.documents.CsvUpload;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * A file of figures municipalities report (municipal places or displaced Ukrainians): one row per municipality
 * and reference date, with the columns {@code municipality}, the figure ({@link FigureKind#column()}) and
 * {@code reference_date}. Read whole: any bad row refuses the file, with every problem by row and column.
 */
final class ReceptionFigureFile {

    /** One figure as a row of the file gives it. */
    record Figure(MunicipalityCode municipality, LocalDate referenceDate, long value) {
    }

    /** More than any municipality reports (the largest, Amsterdam, has a task of about 4,500). */
    static final int MAXIMUM = 1_000_000;

    private static final List<String> MUNICIPALITY = List.of("municipality", "municipality_code", "gemeente",
            "gemeentecode", "code");

    private static final List<String> DATE = List.of("reference_date", "referencedate", "peildatum", "date", "datum");

    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("d-M-uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private ReceptionFigureFile() {
    }

    static List<Figure> read(Reader input, FigureKind kind, Predicate<MunicipalityCode> known, LocalDate today) {
        var upload = CsvUpload.read(input, "receptionFigures");
        var header = upload.header();
        int codeColumn = -1;
        int valueColumn = -1;
        int dateColumn = -1;
        for (int i = 0; i < header.size(); i++) {
            var name = header.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (codeColumn < 0 && MUNICIPALITY.contains(name)) {
                codeColumn = i;
            }
            else if (valueColumn < 0 && kind.headers().contains(name)) {
                valueColumn = i;
            }
            else if (dateColumn < 0 && DATE.contains(name)) {
                dateColumn = i;
            }
        }
        var problems = new ArrayList<Problem>();
        if (codeColumn < 0) {
            problems.add(Problem.atRow(1, "municipality", "receptionFigures.header.missing", "municipality"));
        }
        if (valueColumn < 0) {
            problems.add(Problem.atRow(1, kind.column(), "receptionFigures.header.missing", kind.column()));
        }
        if (dateColumn < 0) {
            problems.add(Problem.atRow(1, "referenceDate", "receptionFigures.header.missing", "reference_date"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (upload.rows().isEmpty()) {
            throw InvalidInput.of("file", "receptionFigures.file.noRows");
        }
        var figures = new ArrayList<Figure>();
        var firstRow = new HashMap<String, Integer>();
        int last = Math.max(codeColumn, Math.max(valueColumn, dateColumn));
        for (var line : upload.rows()) {
            var cells = line.cells();
            int row = line.line();
            if (cells.size() <= last) {
                problems.add(Problem.atRow(row, "file", "receptionFigures.row.fieldCount", header.size(), cells.size()));
                continue;
            }
            var code = CsvUpload.municipality(cells.get(codeColumn), row, "municipality", known, problems,
                    "receptionFigures.municipality");
            var value = figure(cells.get(valueColumn), row, kind.column(), problems);
            var date = date(cells.get(dateColumn), row, today, problems);
            if (code != null && date != null) {
                var earlier = firstRow.putIfAbsent(code.value() + "@" + date, row);
                if (earlier != null) {
                    problems.add(Problem.atRow(row, "municipality", "receptionFigures.municipality.duplicate",
                            code.value(), date.toString(), earlier));
                    continue;
                }
            }
            if (code != null && date != null && value != null) {
                figures.add(new Figure(code, date, value));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return List.copyOf(figures);
    }

    private static Long figure(String text, int row, String field, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(Problem.atRow(row, field, "receptionFigures.figure.missing"));
            return null;
        }
        // A whole number, with thousands separators as Dutch and English spreadsheets write them (1.500, 1,500).
        var stripped = text.strip();
        if (!stripped.matches("\\d+|\\d{1,3}([., ]\\d{3})+")) {
            problems.add(Problem.atRow(row, field, "receptionFigures.figure.notWhole", text));
            return null;
        }
        long value;
        try {
            value = Long.parseLong(stripped.replaceAll("[., ]", ""));
        }
        catch (NumberFormatException e) {
            value = Long.MAX_VALUE;
        }
        if (value < 0 || value > MAXIMUM) {
            problems.add(Problem.atRow(row, field, "receptionFigures.figure.range", text, MAXIMUM));
            return null;
        }
        return value;
    }

    private static LocalDate date(String text, int row, LocalDate today, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(Problem.atRow(row, "referenceDate", "receptionFigures.date.missing"));
            return null;
        }
        LocalDate date;
        try {
            date = text.contains("-") && text.indexOf('-') == 4 ? LocalDate.parse(text.strip())
                    : LocalDate.parse(text.strip(), DUTCH);
        }
        catch (DateTimeParseException e) {
            problems.add(Problem.atRow(row, "referenceDate", "receptionFigures.date.invalid", text));
            return null;
        }
        if (date.isAfter(today)) {
            problems.add(Problem.atRow(row, "referenceDate", "receptionFigures.date.future", date.toString()));
            return null;
        }
        if (date.getYear() < 2000) {
            problems.add(Problem.atRow(row, "referenceDate", "receptionFigures.date.tooEarly", date.toString()));
            return null;
        }
        return date;
    }
}
