package nl.doorstroom.documents;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.shared.InvalidInput;

/**
 * An uploaded table as text rows, whichever form it came in: an Excel workbook when the file starts as one (a zip
 * archive), otherwise CSV in UTF-8 ({@link CsvUpload}). The header is row 1. An apostrophe before =, +, - or @ is
 * dropped from a CSV cell: exports put it there so that a spreadsheet does not run the text as a formula
 * ({@link TableExport}), and a download is read back as it was.
 */
public final class TabularUpload {

    private TabularUpload() {
    }

    /** @param keys the message key prefix of the importing module, for "{keys}.file.unreadable" and the readers' keys */
    public static List<SpreadsheetUpload.Row> read(InputStream input, String keys) {
        var buffered = new BufferedInputStream(input);
        byte[] start;
        try {
            buffered.mark(8);
            start = buffered.readNBytes(4);
            buffered.reset();
        }
        catch (IOException e) {
            throw InvalidInput.of("file", keys + ".file.unreadable");
        }
        if (SpreadsheetUpload.looksLikeWorkbook(start)) {
            return SpreadsheetUpload.read(buffered, keys);
        }
        var upload = CsvUpload.read(new InputStreamReader(buffered, StandardCharsets.UTF_8), keys);
        var rows = new ArrayList<SpreadsheetUpload.Row>();
        rows.add(new SpreadsheetUpload.Row(1, cells(upload.header())));
        for (var row : upload.rows()) {
            rows.add(new SpreadsheetUpload.Row(row.line(), cells(row.cells())));
        }
        return rows;
    }

    private static List<String> cells(org.apache.commons.csv.CSVRecord record) {
        var cells = new ArrayList<String>(record.size());
        for (var cell : record) {
            cells.add(cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0
                    ? cell.substring(1) : cell);
        }
        return cells;
    }
}
