package nl.doorstroom.matching.engine;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a linking instance from a directory of three CSV files with a header line, so that planners can
 * run batches offline and solvers can be compared on the same instance: {@code households.csv}
 * ({@code household,persons}), {@code capacities.csv} ({@code municipality,capacity}) and
 * {@code pairs.csv} ({@code household,municipality,score}). A malformed instance is refused with every
 * problem by file, row and column.
 */
public final class InstanceFiles {

    /** One problem in an instance: where (file, row counted from the header as 1, column) and why. */
    public record Problem(String file, int row, String column, String message) {

        @Override
        public String toString() {
            return file + ":" + row + (column == null ? "" : ":" + column) + ": " + message;
        }
    }

    /** The instance could not be read; every problem found. */
    public static final class Malformed extends Exception {

        private final List<Problem> problems;

        Malformed(List<Problem> problems) {
            super(problems.size() + " problem(s) in the instance");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private InstanceFiles() {
    }

    public static LinkingInstance read(Path directory) throws Malformed, IOException {
        var problems = new ArrayList<Problem>();
        var households = new ArrayList<String>();
        var persons = new ArrayList<Integer>();
        var householdIndex = new HashMap<String, Integer>();
        for (var row : rows(directory, "households.csv", List.of("household", "persons"), problems)) {
            var id = row.get("household").strip();
            var count = number(row, "households.csv", "persons", 1, Integer.MAX_VALUE, problems);
            if (id.isEmpty()) {
                problems.add(new Problem("households.csv", line(row), "household", "empty id"));
            }
            else if (householdIndex.putIfAbsent(id, households.size()) != null) {
                problems.add(new Problem("households.csv", line(row), "household", "duplicate id " + id));
            }
            else {
                households.add(id);
                persons.add(count == null ? 1 : count.intValue());
            }
        }
        var municipalities = new ArrayList<String>();
        var capacities = new ArrayList<Long>();
        var municipalityIndex = new HashMap<String, Integer>();
        for (var row : rows(directory, "capacities.csv", List.of("municipality", "capacity"), problems)) {
            var id = row.get("municipality").strip();
            var capacity = number(row, "capacities.csv", "capacity", 0, Long.MAX_VALUE, problems);
            if (id.isEmpty()) {
                problems.add(new Problem("capacities.csv", line(row), "municipality", "empty id"));
            }
            else if (municipalityIndex.putIfAbsent(id, municipalities.size()) != null) {
                problems.add(new Problem("capacities.csv", line(row), "municipality", "duplicate id " + id));
            }
            else {
                municipalities.add(id);
                capacities.add(capacity == null ? 0 : capacity);
            }
        }
        var pairs = new ArrayList<LinkingInstance.Pair>();
        var seen = new HashSet<Long>();
        for (var row : rows(directory, "pairs.csv", List.of("household", "municipality", "score"), problems)) {
            var household = householdIndex.get(row.get("household").strip());
            var municipality = municipalityIndex.get(row.get("municipality").strip());
            var score = number(row, "pairs.csv", "score", 0, Integer.MAX_VALUE, problems);
            if (household == null) {
                problems.add(new Problem("pairs.csv", line(row), "household", "unknown household " + row.get("household").strip()));
            }
            if (municipality == null) {
                problems.add(new Problem("pairs.csv", line(row), "municipality",
                        "unknown municipality " + row.get("municipality").strip()));
            }
            if (household == null || municipality == null || score == null) {
                continue;
            }
            if (!seen.add((long) household * Integer.MAX_VALUE + municipality)) {
                problems.add(new Problem("pairs.csv", line(row), null, "duplicate pair " + row.get("household").strip()
                        + "," + row.get("municipality").strip()));
                continue;
            }
            pairs.add(new LinkingInstance.Pair(household, municipality, score.intValue()));
        }
        if (!problems.isEmpty()) {
            throw new Malformed(problems);
        }
        return new LinkingInstance(households, persons.stream().mapToInt(Integer::intValue).toArray(), municipalities,
                capacities.stream().mapToLong(Long::longValue).toArray(), pairs);
    }

    private static List<CSVRecord> rows(Path directory, String file, List<String> columns, List<Problem> problems)
            throws IOException {
        var path = directory.resolve(file);
        if (!Files.isRegularFile(path)) {
            problems.add(new Problem(file, 0, null, "missing file"));
            return List.of();
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).get().parse(reader);
            var header = parser.getHeaderMap() == null ? Map.<String, Integer>of() : parser.getHeaderMap();
            var missing = columns.stream().filter(c -> !header.containsKey(c)).toList();
            for (var column : missing) {
                problems.add(new Problem(file, 1, column, "missing column (expected " + String.join(",", columns) + ")"));
            }
            if (!missing.isEmpty()) {
                return List.of();
            }
            var records = new ArrayList<CSVRecord>();
            for (var record : parser) {
                if (!record.isConsistent()) {
                    problems.add(new Problem(file, line(record), null,
                            "expected " + header.size() + " fields, found " + record.size()));
                    continue;
                }
                records.add(record);
            }
            return records;
        }
        catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            problems.add(new Problem(file, 0, null, "not readable as CSV: " + e.getMessage()));
            return List.of();
        }
    }

    private static Long number(CSVRecord row, String file, String column, long minimum, long maximum,
            List<Problem> problems) {
        var text = row.get(column).strip();
        long value;
        try {
            value = Long.parseLong(text);
        }
        catch (NumberFormatException e) {
            problems.add(new Problem(file, line(row), column, "not a whole number: '" + text + "'"));
            return null;
        }
        if (value < minimum || value > maximum) {
            problems.add(new Problem(file, line(row), column, (value < 0 ? "negative: " : "out of range: ") + text
                    + (minimum > 0 ? " (at least " + minimum + ")" : "")));
            return null;
        }
        return value;
    }

    /** The line in the file: the header is line 1. */
    private static int line(CSVRecord record) {
        return (int) record.getRecordNumber() + 1;
    }
}
