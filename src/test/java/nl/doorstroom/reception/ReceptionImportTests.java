package nl.doorstroom.reception;

import static nl.doorstroom.reception.ReceptionFixtures.UTRECHT;
import static nl.doorstroom.reception.ReceptionFixtures.csv;
import static nl.doorstroom.reception.ReceptionFixtures.newCode;
import static nl.doorstroom.reception.ReceptionFixtures.regularIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.Role;
import nl.doorstroom.shared.InvalidInput;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Importing COA's figures: all or nothing, every bad row reported by row and column, and a re-imported day
 * replacing the earlier figures. Dates in 2015, where the demo has no figures.
 */
@IntegrationTest
class ReceptionImportTests {

    static final LocalDate DAY = LocalDate.of(2015, 6, 1);

    @Autowired
    ReceptionLocations reception;

    @Test
    void aFileWithBadRowsIsRefusedWholeWithEveryProblemByRowAndColumn() throws Exception {
        var code = newCode("IMP");
        long id = TestUsers.as(Role.COA_PLANNER, () -> reception.register(regularIn(UTRECHT, code, 400)));
        var file = """
                location;date;in_procedure;permit_holders;other
                %1$s;2015-06-01;300;80;10
                TEST-NOWHERE;2015-06-01;1;1;1
                %1$s;2015-13-45;1;1;1
                %1$s;2015-06-02;-5;1;zes
                %1$s;1-6-2015;1;1;1
                ;2099-01-01;;1;1
                %1$s;2014-12-31;1;1;1
                """.formatted(code);

        var refused = catchThrowableOfType(InvalidInput.class,
                () -> TestUsers.as(Role.COA_PLANNER, () -> reception.importFile(csv(file))));
        var stored = TestUsers.as(Role.COA_PLANNER, () -> reception.occupancy(id, DAY.minusDays(10), DAY.plusDays(10)));

        assertThat(refused.problems()).extracting(p -> p.row() + ":" + p.field() + ":" + p.messageKey()).containsExactly(
                "3:location:reception.import.location.unknown",
                "4:date:reception.import.date.invalid",
                "5:in_procedure:reception.import.number.negative",
                "5:other:reception.import.number.invalid",
                "6:date:reception.import.duplicate",
                "7:location:reception.import.location.missing",
                "7:date:reception.import.date.future",
                "7:in_procedure:reception.import.number.missing",
                "8:date:reception.import.date.notOpen");
        assertThat(stored).isEmpty();
    }

    @Test
    void aFileWithoutARequiredColumnNamesTheColumn() {
        var refused = catchThrowableOfType(InvalidInput.class, () -> TestUsers.as(Role.COA_PLANNER,
                () -> reception.importFile(csv("location,date,in_procedure,other\nX,2015-06-01,1,1\n"))));

        assertThat(refused.problems()).extracting(p -> p.row() + ":" + p.field()).containsExactly("1:permit_holders");
    }

    @Test
    void reimportingADayReplacesItsFiguresAndSaysSo() throws Exception {
        var code = newCode("RE");
        long id = TestUsers.as(Role.COA_PLANNER, () -> reception.register(regularIn(UTRECHT, code, 400)));

        var first = TestUsers.as(Role.COA_PLANNER, () -> reception.importFile(csv("""
                locatie,datum,in procedure,vergunninghouders,overig
                %1$s,2015-06-01,300,80,10
                %1$s,2015-06-08,310,85,12
                """.formatted(code))));
        var second = TestUsers.as(Role.COA_PLANNER, () -> reception.importFile(csv("""
                location;date;in_procedure;permit_holders;other
                %1$s;8-6-2015;1.200;90;0
                %1$s;2015-06-15;320;88;11
                """.formatted(code))));
        var stored = TestUsers.as(Role.COA_PLANNER, () -> reception.occupancy(id, DAY, DAY.plusDays(20)));
        var history = TestUsers.as(Role.COA_PLANNER, () -> reception.imports());

        assertThat(first.rows()).isEqualTo(2);
        assertThat(first.replaced()).isZero();
        assertThat(second.rows()).isEqualTo(2);
        assertThat(second.replaced()).isEqualTo(1);
        assertThat(stored).containsExactly(new Occupancy(DAY, 300, 80, 10),
                new Occupancy(DAY.plusDays(7), 1200, 90, 0), new Occupancy(DAY.plusDays(14), 320, 88, 11));
        assertThat(history).extracting(OccupancyImport::id).contains(first.id(), second.id());
        assertThat(history.get(0).importedBy()).isEqualTo("test-coa_planner");
        assertThat(history.stream().filter(i -> i.id() == second.id()).findFirst().orElseThrow().firstDate())
                .isEqualTo(DAY.plusDays(7));
    }

    @Test
    void anExcelWorkbookIsReadAsACsvFileIs() throws Exception {
        var code = newCode("XLSX");
        long id = TestUsers.as(Role.COA_PLANNER, () -> reception.register(regularIn(UTRECHT, code, 400)));
        var bytes = new java.io.ByteArrayOutputStream();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = workbook.createSheet("Bezetting");
            var header = sheet.createRow(0);
            var names = new String[] { "location", "date", "in_procedure", "permit_holders", "other" };
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(code);
            row.createCell(1).setCellValue("2015-06-22");
            row.createCell(2).setCellValue(250);
            row.createCell(3).setCellValue(60);
            row.createCell(4).setCellValue(5);
            workbook.write(bytes);
        }

        var imported = TestUsers.as(Role.COA_PLANNER,
                () -> reception.importFile(new java.io.ByteArrayInputStream(bytes.toByteArray())));
        var stored = TestUsers.as(Role.COA_PLANNER, () -> reception.occupancy(id, DAY, DAY.plusDays(30)));

        assertThat(imported.rows()).isEqualTo(1);
        assertThat(stored).containsExactly(new Occupancy(LocalDate.of(2015, 6, 22), 250, 60, 5));
    }

    @Test
    void onlyCoaPlannersImport() {
        var refused = catchThrowableOfType(org.springframework.security.access.AccessDeniedException.class,
                () -> TestUsers.as(Role.NATIONAL_COORDINATOR, () -> reception.importFile(csv("x"))));

        assertThat(refused).isNotNull();
    }

}
