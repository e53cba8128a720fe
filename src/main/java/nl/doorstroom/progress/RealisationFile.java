package nl.doorstroom.progress;

import java.io.Reader;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import nl.doorstroom.documents.CsvUpload;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * Reads COA's monthly figures of permit holders housed: one row per municipality and month, with
 * the columns {@code municipality}, {@code month} (such as {@code 2024-03}) and {@code persons}
 * (Dutch headers {@code gemeente}, {@code maand}, {@code aantal} also work), comma- or
 * semicolon-separated. Either every row is right, or the file is refused with every problem, by
 * row and column.
 */
final class RealisationFile {

    static final String MUNICIPALITY = "municipality";
    static final String MONTH = "month";
    static final String PERSONS = "persons";

    private static final Map<String, List<String>> HEADERS = Map.of(
            MUNICIPALITY, List.of("municipality", "gemeente", "gemeentecode", "code"),
            MONTH, List.of("month", "maand"),
            PERSONS, List.of("persons", "aantal", "personen", "gehuisvest", "housed"));

    private RealisationFile() {
    }

    /**
     * @param known whether a municipality code is of the current division
     * @param lastMonth the latest month a figure may be for (the current month)
     * @param mergedInto for a municipality that had merged into another by that month, the arguments of
     *        the refusal (its code, the successor's code, the first half-year); null otherwise
     */
    static List<MonthlyFigure> read(Reader input, Predicate<MunicipalityCode> known, YearMonth lastMonth,
            BiFunction<MunicipalityCode, YearMonth, List<Object>> mergedInto) {
        var upload = CsvUpload.read(input, "realisation");
        var header = upload.header();
        var columns = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            var name = header.get(i).strip().toLowerCase(Locale.ROOT);
            for (var column : List.of(MUNICIPALITY, MONTH, PERSONS)) {
                if (!columns.containsKey(column) && HEADERS.get(column).contains(name)) {
                    columns.put(column, i);
                }
            }
        }
        var problems = new ArrayList<Problem>();
        for (var column : List.of(MUNICIPALITY, MONTH, PERSONS)) {
            if (!columns.containsKey(column)) {
                problems.add(Problem.atRow(1, column, "realisation.header.missing", column));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (upload.rows().isEmpty()) {
            throw InvalidInput.of("file", "realisation.file.noRows");
        }
        var figures = new ArrayList<MonthlyFigure>();
        var firstRowOf = new HashMap<String, Integer>();
        for (var line : upload.rows()) {
            var record = line.cells();
            int row = line.line();
            if (record.size() < header.size()) {
                problems.add(Problem.atRow(row, "file", "realisation.row.fieldCount", header.size(), record.size()));
                continue;
            }
            var code = readCode(record.get(columns.get(MUNICIPALITY)), row, known, problems);
            var month = readMonth(record.get(columns.get(MONTH)), row, lastMonth, problems);
            var persons = readPersons(record.get(columns.get(PERSONS)), row, problems);
            if (code == null || month == null) {
                continue;
            }
            var merged = mergedInto.apply(code, month);
            if (merged != null) {
                problems.add(Problem.atRow(row, MUNICIPALITY, "realisation.municipality.merged", merged.toArray()));
                continue;
            }
            var earlier = firstRowOf.putIfAbsent(code.value() + "/" + month, row);
            if (earlier != null) {
                problems.add(Problem.atRow(row, MONTH, "realisation.duplicate", code.value(), month.toString(), earlier));
                continue;
            }
            if (persons != null) {
                figures.add(new MonthlyFigure(code, month, persons));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return figures;
    }

    private static MunicipalityCode readCode(String value, int row, Predicate<MunicipalityCode> known,
            List<Problem> problems) {
        return CsvUpload.municipality(value, row, MUNICIPALITY, known, problems, "realisation.municipality");
    }

    private static YearMonth readMonth(String value, int row, YearMonth lastMonth, List<Problem> problems) {
        if (value.isBlank()) {
            problems.add(Problem.atRow(row, MONTH, "realisation.month.missing"));
            return null;
        }
        YearMonth month;
        try {
            month = YearMonth.parse(value.length() == 10 && value.endsWith("-01") ? value.substring(0, 7) : value);
        }
        catch (DateTimeParseException e) {
            problems.add(Problem.atRow(row, MONTH, "realisation.month.invalid", value));
            return null;
        }
        if (month.isAfter(lastMonth)) {
            problems.add(Problem.atRow(row, MONTH, "realisation.month.future", month.toString()));
            return null;
        }
        if (month.getYear() < 2000) {
            problems.add(Problem.atRow(row, MONTH, "realisation.month.tooEarly", month.toString()));
            return null;
        }
        return month;
    }

    private static Integer readPersons(String value, int row, List<Problem> problems) {
        if (value.isBlank()) {
            problems.add(Problem.atRow(row, PERSONS, "realisation.persons.missing"));
            return null;
        }
        int persons;
        try {
            persons = Integer.parseInt(value);
        }
        catch (NumberFormatException e) {
            problems.add(Problem.atRow(row, PERSONS, "realisation.persons.notWhole", value));
            return null;
        }
        if (persons < 0) {
            problems.add(Problem.atRow(row, PERSONS, "realisation.persons.negative", value));
            return null;
        }
        if (persons > 100_000) {
            problems.add(Problem.atRow(row, PERSONS, "realisation.persons.tooLarge", value, 100_000));
            return null;
        }
        return persons;
    }
}
