package nl.doorstroom.documents;

import static nl.doorstroom.documents.TableFixtures.oneColumn;
import static nl.doorstroom.documents.TableFixtures.quotaProgress;
import static nl.doorstroom.documents.TableFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class TableExportTests {

    @Test
    void csvStartsWithAByteOrderMarkSoExcelReadsUtf8() throws IOException {
        var bytes = csvBytes(quotaProgress());

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).contains("Súdwest-Fryslân");
    }

    @Test
    void csvHasTheReferenceNoteThenTheHeaderThenOneLinePerRow() throws IOException {
        var records = csvRecords(quotaProgress());

        assertThat(records).hasSize(5);
        assertThat(records.get(0).values()).containsExactly("Peildatum 2026-11-28; synthetische demonstratiegegevens");
        assertThat(records.get(1).values()).containsExactly("Gemeente", "Taakstelling", "Gerealiseerd", "Aandeel", "Peildatum");
        assertThat(records.get(4).values()).containsExactly("Ameland", "2", "", "", "");
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaksAsRfc4180Says() throws IOException {
        var table = oneColumn("Toelichting", "Groningen, stad", "de \"Oude\" school", "regel 1\r\nregel 2", "gewoon");

        var text = csvText(table);

        assertThat(text).contains("\r\n\"Groningen, stad\"\r\n")
                .contains("\r\n\"de \"\"Oude\"\" school\"\r\n")
                .contains("\r\n\"regel 1\r\nregel 2\"\r\n")
                .contains("\r\ngewoon\r\n");
        assertThat(csvRecords(table).stream().skip(2).map(r -> r.get(0)))
                .containsExactly("Groningen, stad", "de \"Oude\" school", "regel 1\r\nregel 2", "gewoon");
    }

    @Test
    void csvTurnsTextThatLooksLikeAFormulaIntoPlainText() throws IOException {
        var table = oneColumn("=HYPERLINK(\"x\")", "=SUM(A1:A9)", "+31 20 123", "-1+1", "@cmd", "\tTab", "\rCR", "e=mc2");

        var values = csvRecords(table).stream().skip(1).map(r -> r.get(0)).toList();

        assertThat(values).containsExactly("'=HYPERLINK(\"x\")", "'=SUM(A1:A9)", "'+31 20 123", "'-1+1", "'@cmd",
                "'\tTab", "'\rCR", "e=mc2");
    }

    @Test
    void csvWritesNumbersPlainlyWithAPointAndNeverDefusesThem() throws IOException {
        var table = new Table("Getallen", List.of(new Table.Column("Waarde", Table.Kind.DECIMAL)), List.of(
                row(-5), row(new BigDecimal("-0.50")),
                row(new BigDecimal("1.5E+7")), row(1.0E10),
                row(0.1), row(1234567L)), "Peildatum 2026-11-28");

        var values = csvRecords(table).stream().skip(2).map(r -> r.get(0)).toList();

        assertThat(values).containsExactly("-5", "-0.50", "15000000", "10000000000", "0.1", "1234567");
    }

    @Test
    void csvWritesDatesAsIso() throws IOException {
        var records = csvRecords(quotaProgress());

        assertThat(records.get(2).values()).containsExactly("Súdwest-Fryslân", "87", "80.50", "0.925", "2026-11-28");
        assertThat(records.get(3).get(0)).isEqualTo("'s-Hertogenbosch");
    }

    @Test
    void xlsxHasTheNoteABoldFrozenHeaderAndEveryRow() throws IOException {
        try (var workbook = xlsx(quotaProgress())) {
            var sheet = workbook.getSheetAt(0);

            assertThat(sheet.getSheetName()).isEqualTo("Realisatie 2026-II");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(TableFixtures.REFERENCE);
            var header = sheet.getRow(1);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Gemeente");
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("Peildatum");
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            assertThat(workbook.getProperties().getCoreProperties().getDescription()).isEqualTo(TableFixtures.REFERENCE);
        }
    }

    @Test
    void xlsxKeepsNumbersNumbersPercentagesFractionsAndDatesDates() throws IOException {
        try (var workbook = xlsx(quotaProgress())) {
            var row = workbook.getSheetAt(0).getRow(2);

            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Súdwest-Fryslân");
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(87);
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(80.5);
            assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(0.925);
            assertThat(row.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(DateUtil.isCellDateFormatted(row.getCell(4))).isTrue();
            assertThat(row.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 28));
            assertThat(workbook.getSheetAt(0).getRow(4).getCell(2)).isNull();
        }
    }

    @Test
    void xlsxWritesFormulaLikeTextAsTextNotAsAFormula() throws IOException {
        try (var workbook = xlsx(oneColumn("Naam", "=1+1"))) {
            var cell = workbook.getSheetAt(0).getRow(2).getCell(0);

            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo("=1+1");
        }
    }

    @Test
    void downloadsCsvAsAnAttachmentWithASafeName() throws IOException {
        var response = TableExport.download(quotaProgress(), "csv", "Súdwest-Fryslân 2026/II");

        assertThat(response.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"Sudwest-Fryslan-2026-II.csv\"");
        var body = new ByteArrayOutputStream();
        response.getBody().writeTo(body);
        assertThat(body.toByteArray()).startsWith(0xEF, 0xBB, 0xBF);
    }

    @Test
    void downloadsXlsxWithItsContentType() {
        var response = TableExport.download(quotaProgress(), "xlsx", "realisatie");

        assertThat(response.getHeaders().getContentType())
                .hasToString("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"realisatie.xlsx\"");
    }

    @Test
    void refusesAFormatItCannotWrite() {
        assertThatIllegalArgumentException().isThrownBy(() -> TableExport.download(quotaProgress(), "pdf", "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> TableExport.download(quotaProgress(), null, "x"));
    }

    @Test
    void namesFilesWithoutPathsHiddenNamesOrEmptiness() {
        assertThat(TableExport.fileName("../../etc/passwd", "csv")).isEqualTo("etc-passwd.csv");
        assertThat(TableExport.fileName(".profile", "csv")).isEqualTo("profile.csv");
        assertThat(TableExport.fileName("\"; filename=evil.exe", "csv")).isEqualTo("filename-evil.exe.csv");
        assertThat(TableExport.fileName("", "xlsx")).isEqualTo("export.xlsx");
        assertThat(TableExport.fileName(null, "xlsx")).isEqualTo("export.xlsx");
    }

    static byte[] csvBytes(Table table) throws IOException {
        var out = new ByteArrayOutputStream();
        TableExport.csv(table, out);
        return out.toByteArray();
    }

    static String csvText(Table table) throws IOException {
        var bytes = csvBytes(table);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    static List<CSVRecord> csvRecords(Table table) throws IOException {
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(csvText(table)))) {
            return parser.getRecords();
        }
    }

    static XSSFWorkbook xlsx(Table table) throws IOException {
        var out = new ByteArrayOutputStream();
        TableExport.xlsx(table, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }
}
