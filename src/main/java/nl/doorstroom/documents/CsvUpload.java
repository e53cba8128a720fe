package nl.doorstroom.documents;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
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
 * semicolons), cells are trimmed and empty lines skipped. Every row keeps the number of the line it
 * starts on in the file, so that a problem names the line the user sees in an editor.
 */
public final class CsvUpload {

    /** The largest file an import reads (in characters): far above a year of monthly figures for all municipalities. */
    public static final int MAXIMUM_CHARACTERS = 20_000_000;

    /** The header and the rows of a file. */
    public record Upload(CSVRecord header, List<Row> rows) {
    }

    /** One row and the line of the file it starts on (the header is line 1). */
    public record Row(int line, CSVRecord cells) {
    }

    private CsvUpload() {
    }

    /**
     * @param keys the prefix of the import's messages: {@code <keys>.file.unreadable}, {@code .file.empty},
     *        {@code .file.tooLarge} and {@code .file.notCsv} (field {@code file})
     * @throws InvalidInput when the file cannot be read, is empty, too large or not CSV
     */
    public static Upload read(Reader input, String keys) {
        String text;
        try (var reader = new BufferedReader(input)) {
            var builder = new StringBuilder();
            var buffer = new char[8192];
            int n;
            while ((n = reader.read(buffer)) > 0) {
                builder.append(buffer, 0, n);
                if (builder.length() > MAXIMUM_CHARACTERS) {
                    throw InvalidInput.of("file", keys + ".file.tooLarge", MAXIMUM_CHARACTERS / 1_000_000);
                }
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
        // Empty lines are kept by the parser (and skipped here) so that line numbers stay those of the file.
        try (var parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).setIgnoreEmptyLines(false)
                .get().parse(new StringReader(text))) {
            CSVRecord header = null;
            var rows = new ArrayList<Row>();
            long endOfPrevious = 0;
            for (var record : parser) {
                int line = (int) endOfPrevious + 1;
                endOfPrevious = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (header == null) {
                    header = record;
                }
                else {
                    rows.add(new Row(line, record));
                }
            }
            if (header == null) {
                throw InvalidInput.of("file", keys + ".file.empty");
            }
            return new Upload(header, List.copyOf(rows));
        }
        catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
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
