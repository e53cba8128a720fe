package nl.doorstroom.documents;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.shared.InvalidInput;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the first sheet of an uploaded Excel workbook (XLSX) as text, the way {@link CsvUpload} reads a
 * CSV file, so that an import reads both alike: every cell as the text it shows (a whole number without
 * decimals, a date as {@code 2026-11-28}, a formula as its last computed value), trimmed; empty rows
 * skipped; every row with the number Excel shows beside it, so that a problem names the row the user sees.
 */
public final class SpreadsheetUpload {

    /** The largest workbook an import reads, in bytes (compressed, as uploaded). */
    public static final int MAXIMUM_BYTES = 10_000_000;

    /** The most rows an import reads from a sheet: far above any list of sites or figures. */
    public static final int MAXIMUM_ROWS = 100_000;

    /** One row of the sheet: the row number Excel shows, and its cells as text (empty cells as ""). */
    public record Row(int line, List<String> cells) {
    }

    private SpreadsheetUpload() {
    }

    /** Whether these first bytes start a zip archive, as every XLSX workbook does (and no CSV file). */
    public static boolean looksLikeWorkbook(byte[] start) {
        return start.length >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4;
    }

    /**
     * Every non-empty row of the first sheet, in order.
     *
     * @param keys the prefix of the import's messages: {@code <keys>.file.notXlsx}, {@code .file.empty},
     *        {@code .file.tooLarge} (field {@code file})
     */
    public static List<Row> read(InputStream input, String keys) {
        byte[] bytes;
        try {
            bytes = input.readNBytes(MAXIMUM_BYTES + 1);
        }
        catch (IOException e) {
            throw InvalidInput.of("file", keys + ".file.unreadable");
        }
        if (bytes.length > MAXIMUM_BYTES) {
            throw InvalidInput.of("file", keys + ".file.tooLarge", MAXIMUM_BYTES / 1_000_000);
        }
        if (bytes.length == 0) {
            throw InvalidInput.of("file", keys + ".file.empty");
        }
        // POI guards against zip bombs (a minimum compression ratio) and reads no external entities.
        try (var workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw InvalidInput.of("file", keys + ".file.empty");
            }
            var sheet = workbook.getSheetAt(0);
            var rows = new ArrayList<Row>();
            for (var row : sheet) {
                if (rows.size() >= MAXIMUM_ROWS) {
                    throw InvalidInput.of("file", keys + ".file.tooLarge", MAXIMUM_BYTES / 1_000_000);
                }
                var cells = new ArrayList<String>();
                short last = row.getLastCellNum();
                for (int c = 0; c < Math.max(0, last); c++) {
                    cells.add(text(row.getCell(c)));
                }
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                    cells.remove(cells.size() - 1);
                }
                if (!cells.isEmpty()) {
                    rows.add(new Row(row.getRowNum() + 1, List.copyOf(cells)));
                }
            }
            if (rows.isEmpty()) {
                throw InvalidInput.of("file", keys + ".file.empty");
            }
            return List.copyOf(rows);
        }
        catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw InvalidInput.of("file", keys + ".file.notXlsx");
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        var type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().strip();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : plain(cell.getNumericCellValue());
            default -> "";
        };
    }

    /** 12 as "12", 85.5 as "85.5": never "12.0" or "1.2E3". */
    private static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        var decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return (decimal.scale() < 0 ? decimal.setScale(0) : decimal).toPlainString();
    }
}
