package nl.doorstroom.municipalities;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import nl.doorstroom.documents.CsvUpload;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a population file as CBS publishes it: one row per municipality with its code, name and
 * population, comma- or semicolon-separated, with a header row. Either every row is right, or the
 * file is refused with every problem found, by row and column; nothing half-read is ever returned.
 */
final class PopulationFile {

    static final String CODE = "code";
    static final String NAME = "name";
    static final String POPULATION = "population";

    private static final List<String> CODE_HEADERS = List.of("code", "gemeentecode", "regiocode", "statcode",
            "gm-code", "gmcode", "municipality code");
    private static final List<String> NAME_HEADERS = List.of("name", "naam", "gemeentenaam", "gemeente",
            "statnaam", "municipality", "regio's", "regios");
    // Exact names only: CBS tables also have columns such as "Bevolkingsdichtheid" that must never
    // be read as the population.
    private static final List<String> POPULATION_HEADERS = List.of("population", "inwoners", "aantal inwoners",
            "bevolking", "totale bevolking", "totale bevolking (aantal)", "bevolking op 1 januari",
            "bevolking op 1 januari (aantal)");

    private PopulationFile() {
    }

    /**
     * @param expected the municipalities that must each appear exactly once
     * @return the population per municipality
     * @throws InvalidInput with every problem in the file
     */
    static Map<MunicipalityCode, Long> read(Reader input, Set<MunicipalityCode> expected) {
        var upload = CsvUpload.read(input, "population");
        var header = upload.header();
        var columns = locateColumns(header);
        if (columns.size() < 3) {
            var problems = new ArrayList<Problem>();
            for (var column : List.of(CODE, NAME, POPULATION)) {
                if (!columns.containsKey(column)) {
                    problems.add(Problem.atRow(1, column, "population.header.missing", column));
                }
            }
            throw new InvalidInput(problems);
        }
        var problems = new ArrayList<Problem>();
        var figures = new TreeMap<MunicipalityCode, Long>();
        var firstRowOf = new HashMap<MunicipalityCode, Integer>();
        for (var line : upload.rows()) {
            var record = line.cells();
            int row = line.line();
            if (record.size() < header.size()) {
                problems.add(Problem.atRow(row, "file", "population.row.fieldCount", header.size(), record.size()));
                continue;
            }
            var code = readCode(record.get(columns.get(CODE)), row, expected, problems);
            if (record.get(columns.get(NAME)).isBlank()) {
                problems.add(Problem.atRow(row, NAME, "population.name.missing"));
            }
            var population = readPopulation(record.get(columns.get(POPULATION)), row, problems);
            if (code == null) {
                continue;
            }
            var earlier = firstRowOf.putIfAbsent(code, row);
            if (earlier != null) {
                problems.add(Problem.atRow(row, CODE, "population.code.duplicate", code.value(), earlier));
                continue;
            }
            if (population != null) {
                figures.put(code, population);
            }
        }
        expected.stream().sorted()
                .filter(code -> !firstRowOf.containsKey(code))
                .forEach(code -> problems.add(Problem.of(CODE, "population.municipality.missing", code.value())));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return figures;
    }

    private static MunicipalityCode readCode(String value, int row, Set<MunicipalityCode> expected,
            List<Problem> problems) {
        return CsvUpload.municipality(value, row, CODE, expected::contains, problems, "population.code");
    }

    private static Long readPopulation(String value, int row, List<Problem> problems) {
        if (value.isBlank()) {
            problems.add(Problem.atRow(row, POPULATION, "population.value.missing"));
            return null;
        }
        long population;
        try {
            population = Long.parseLong(value);
        }
        catch (NumberFormatException e) {
            problems.add(Problem.atRow(row, POPULATION, "population.value.notWhole", value));
            return null;
        }
        if (population < 0) {
            problems.add(Problem.atRow(row, POPULATION, "population.value.negative", value));
            return null;
        }
        return population;
    }

    private static Map<String, Integer> locateColumns(CSVRecord header) {
        var columns = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            var name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!columns.containsKey(CODE) && CODE_HEADERS.contains(name)) {
                columns.put(CODE, i);
            }
            else if (!columns.containsKey(NAME) && NAME_HEADERS.contains(name)) {
                columns.put(NAME, i);
            }
            else if (POPULATION_HEADERS.contains(name)) {
                if (columns.containsKey(POPULATION)) {
                    throw new InvalidInput(List.of(Problem.atRow(1, POPULATION, "population.header.ambiguous",
                            header.get(columns.get(POPULATION)), header.get(i))));
                }
                columns.put(POPULATION, i);
            }
        }
        return columns;
    }
}
