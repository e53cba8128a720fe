package nl.doorstroom.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Writes a {@link Table} as CSV or as an Excel workbook, both with the table's reference note on the
 * first line. Neither closes the stream it is given.
 */
public final class TableExport {

    public static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    // Excel reads a CSV file as the system code page unless it starts with a byte order mark.
    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
    private static final int MAX_COLUMN_CHARACTERS = 60;
    private static final int SPREADSHEET_ROWS_IN_MEMORY = 100;

    private TableExport() {
    }

    /**
     * The table as a download for a controller: {@code format} is {@code csv} or {@code xlsx}
     * (anything else is an {@link IllegalArgumentException}, which the API turns into a 400). The file
     * is named {@code fileBaseName} reduced to {@code [A-Za-z0-9._-]} ("Súdwest-Fryslân" becomes
     * "Sudwest-Fryslan"). Build the table before calling this, in the request thread: only the writing
     * runs later, on Spring MVC's async executor.
     */
    public static ResponseEntity<StreamingResponseBody> download(Table table, String format, String fileBaseName) {
        var kind = format == null ? "" : format.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "csv" -> attachment(CSV, fileBaseName, "csv", out -> csv(table, out));
            case "xlsx" -> attachment(XLSX, fileBaseName, "xlsx", out -> xlsx(table, out));
            default -> throw new IllegalArgumentException("Not a table format (csv or xlsx): " + format);
        };
    }

    /**
     * RFC 4180 CSV in UTF-8 with a byte order mark: the reference note, the header row, then the rows.
     * Numbers are written plainly with a '.' (1234.5, never 1.2345E3), dates as ISO (2026-11-28).
     * Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
     * return) gets a leading apostrophe (OWASP, CSV injection); numbers are never touched.
     */
    public static void csv(Table table, OutputStream out) throws IOException {
        out.write(UTF8_BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        // Not closed: that would close the caller's stream.
        var printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(defused(table.referenceNote()));
        printer.printRecord(table.columns().stream().map(c -> defused(c.header())).toList());
        for (var row : table.rows()) {
            var cells = new ArrayList<String>(row.size());
            for (var cell : row) {
                cells.add(csvCell(cell));
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    /**
     * An Excel workbook, streamed so a large table does not sit in memory: the reference note in the
     * first row (and in the document's description), a bold, frozen header row with a filter,
     * numbers as numbers, percentages as fractions shown with %, dates as dates.
     */
    public static void xlsx(Table table, OutputStream out) throws IOException {
        var workbook = new SXSSFWorkbook(SPREADSHEET_ROWS_IN_MEMORY);
        try {
            workbook.setCompressTempFiles(true);
            var properties = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            properties.setTitle(table.title());
            properties.setDescription(table.referenceNote());
            properties.setCreator("Doorstroom");

            var styles = new SpreadsheetStyles(workbook);
            var sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
            var widths = new int[table.columns().size()];

            var note = sheet.createRow(0).createCell(0);
            note.setCellValue(table.referenceNote());
            note.setCellStyle(styles.note);

            var header = sheet.createRow(1);
            for (int c = 0; c < table.columns().size(); c++) {
                var cell = header.createCell(c);
                var text = table.columns().get(c).header();
                cell.setCellValue(text);
                cell.setCellStyle(styles.header);
                widths[c] = text.length() + 2; // room for the filter button
            }

            int r = 2;
            for (var values : table.rows()) {
                var row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    var shown = write(row, c, values.get(c), table.columns().get(c).kind(), styles);
                    widths[c] = Math.max(widths[c], shown);
                }
            }

            sheet.createFreezePane(0, 2);
            sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, r - 1), 0, widths.length - 1));
            setWidths(sheet, widths);
            workbook.write(out);
        }
        finally {
            workbook.close(); // also deletes the temporary files of the streamed rows
        }
        out.flush();
    }

    /** {@code base.extension} with only {@code [A-Za-z0-9._-]}, accents dropped, never empty or hidden. */
    static String fileName(String base, String extension) {
        var plain = Normalizer.normalize(base == null ? "" : base, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        var safe = plain.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "").replaceAll("-+$", "");
        return (safe.isEmpty() ? "export" : safe) + "." + extension;
    }

    static <T> ResponseEntity<T> attachment(MediaType type, String fileBaseName, String extension, T body) {
        var disposition = ContentDisposition.attachment().filename(fileName(fileBaseName, extension)).build();
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(body);
    }

    private static String csvCell(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Number number) {
            return plain(number);
        }
        if (cell instanceof LocalDate date) {
            return date.toString();
        }
        return defused(cell.toString());
    }

    private static String plain(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger) {
            return number.toString();
        }
        var value = number.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return ""; // no spreadsheet can hold it
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Text that a spreadsheet would read as a formula, made plain text with a leading apostrophe. */
    static String defused(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

    /** Writes one cell and returns how many characters wide it shows, roughly. */
    private static int write(Row row, int column, Object value, Table.Kind kind, SpreadsheetStyles styles) {
        if (value == null) {
            return 0;
        }
        var cell = row.createCell(column);
        if (value instanceof Number number) {
            var plain = plain(number);
            if (plain.isEmpty()) {
                return 0;
            }
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(styles.number(kind, number));
            var digits = plain.replace("-", "").split("\\.")[0].length();
            return plain.length() + digits / 3 + (kind == Table.Kind.PERCENT ? 3 : 1);
        }
        if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date);
            return 11;
        }
        var text = value.toString();
        cell.setCellValue(text);
        return text.lines().mapToInt(String::length).max().orElse(0);
    }

    private static void setWidths(SXSSFSheet sheet, int[] widths) {
        // Counted, not measured: autoSizeColumn needs AWT fonts, which a server may not have.
        for (int c = 0; c < widths.length; c++) {
            var characters = Math.min(MAX_COLUMN_CHARACTERS, Math.max(8, widths[c] + 1));
            sheet.setColumnWidth(c, characters * 256);
        }
    }

    /** Cell styles, made once per workbook: a workbook holds at most 64,000. */
    private static final class SpreadsheetStyles {

        private final SXSSFWorkbook workbook;
        private final CellStyle note;
        private final CellStyle header;
        private final CellStyle date;
        private final Map<String, CellStyle> numbers = new HashMap<>();

        SpreadsheetStyles(SXSSFWorkbook workbook) {
            this.workbook = workbook;
            var italic = workbook.createFont();
            italic.setItalic(true);
            note = workbook.createCellStyle();
            note.setFont(italic);
            var bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            date = formatted("yyyy-mm-dd");
        }

        CellStyle number(Table.Kind kind, Number value) {
            return numbers.computeIfAbsent(format(kind, value), this::formatted);
        }

        private static String format(Table.Kind kind, Number value) {
            var scale = value instanceof BigDecimal decimal ? Math.min(Math.max(decimal.scale(), 0), 10) : -1;
            return switch (kind) {
                case INTEGER -> "#,##0";
                case PERCENT -> "0.0%";
                case DECIMAL -> scale < 0 ? "General" : scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale);
                case TEXT, DATE -> "General";
            };
        }

        private CellStyle formatted(String format) {
            var style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }
    }
}
