package nl.doorstroom.documents;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.function.Predicate;

import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded CSV file the way every import does: a UTF-8 byte-order mark is dropped, the
 * separator is a comma or a semicolon (whichever the header line has more of, as Dutch Excel writes
 * semicolons), cells are trimmed and empty lines skipped. Record 0 is the header; the row number a
 * user sees for record {@code i} is {@code i + 1}.
 */
public final class CsvUpload {

    private CsvUpload() {
    }

    /**
     * @param keys the prefix of the import's messages: {@code <keys>.file.unreadable}, {@code .file.empty}
     *        and {@code .file.notCsv} (field {@code file})
     * @throws InvalidInput when the file cannot be read, is empty or is not CSV
     */
    public static List<CSVRecord> read(Reader input, String keys) {
        String text;
        try (var reader = new BufferedReader(input)) {
            var builder = new StringBuilder();
            var buffer = new char[8192];
            int n;
            while ((n = reader.read(buffer)) > 0) {
                builder.append(buffer, 0, n);
            }
            text = builder.toString();
        }
        catch (IOException e) {
            throw InvalidInput.of("file", keys + ".file.unreadable");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw InvalidInput.of("file", keys + ".file.empty");
        }
        var firstLine = text.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        try {
            return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).setIgnoreEmptyLines(true).get()
                    .parse(new StringReader(text)).getRecords();
        }
        catch (IOException | RuntimeException e) {
            throw InvalidInput.of("file", keys + ".file.notCsv");
        }
    }

    /**
     * Reads a municipality code in any form CBS publishes ({@code GM0363}, {@code 0363}, {@code 363}),
     * or adds the problem to the list and answers null.
     *
     * @param keys the prefix of the messages {@code <keys>.missing}, {@code .invalid} and {@code .unknown}
     */
    public static MunicipalityCode municipality(String value, int row, String field, Predicate<MunicipalityCode> known,
            List<Problem> problems, String keys) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.atRow(row, field, keys + ".missing"));
            return null;
        }
        MunicipalityCode code;
        try {
            code = MunicipalityCode.parse(value);
        }
        catch (IllegalArgumentException e) {
            problems.add(Problem.atRow(row, field, keys + ".invalid", value));
            return null;
        }
        if (!known.test(code)) {
            problems.add(Problem.atRow(row, field, keys + ".unknown", code.value()));
            return null;
        }
        return code;
    }

    private static long count(String line, char c) {
        return line.chars().filter(ch -> ch == c).count();
    }
}
