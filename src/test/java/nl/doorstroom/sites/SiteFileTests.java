package nl.doorstroom.sites;

import static nl.doorstroom.sites.SiteFixtures.UTRECHT;
import static nl.doorstroom.sites.SiteFixtures.ZEIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SiteFileTests {

    static final MunicipalityCode AMSTERDAM = MunicipalityCode.of("GM0363");

    /** Utrecht, Zeist and Amsterdam are known; the importer is the province of Utrecht (Utrecht and Zeist). */
    static final SiteText.Municipalities KNOWN = new SiteText.Municipalities() {

        final Map<String, MunicipalityCode> names = Map.of("utrecht", UTRECHT, "zeist", ZEIST, "amsterdam", AMSTERDAM);

        @Override
        public boolean test(MunicipalityCode code) {
            return names.containsValue(code);
        }

        @Override
        public Optional<MunicipalityCode> named(String name) {
            return Optional.ofNullable(names.get(Words.normalised(name)));
        }
    };

    static final Set<MunicipalityCode> PROVINCE = Set.of(UTRECHT, ZEIST);

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    static final String HEADER = "name;kind;municipality;address;latitude;longitude;owner;capacity;available_from;"
            + "available_until;cost_per_night;status;contact_person;notes\n";

    @Test
    void readsEverySiteOfAGoodFile() {
        var file = HEADER
                + "Hotel De Poort;HOTEL;GM0344;Stationsweg 1;52,0907;5,1214;PRIVATE;40;2026-12-01;2027-06-30;85,50;AGREED;J. Jansen;\n"
                + "Vakantiepark Het Bos;vakantiepark;Zeist;Boslaan 3;;;particulier;120;1-1-2027;;;;;Alleen zomerhuisjes\n";

        var entries = read(file, List.of());

        assertThat(entries).hasSize(2);
        var hotel = entries.get(0).form();
        assertThat(hotel.municipality()).isEqualTo(UTRECHT);
        assertThat(hotel.latitude()).isEqualByComparingTo("52.0907");
        assertThat(hotel.costPerNight()).isEqualByComparingTo("85.50");
        assertThat(hotel.availableUntil()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(entries.get(0).status()).isEqualTo(SiteStatus.AGREED);
        var park = entries.get(1);
        assertThat(park.row()).isEqualTo(3);
        assertThat(park.form().kind()).isEqualTo(SiteKind.RECREATION_PARK);
        assertThat(park.form().municipality()).isEqualTo(ZEIST);
        assertThat(park.form().owner()).isEqualTo(SiteOwner.PRIVATE);
        assertThat(park.form().availableFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(park.status()).isEqualTo(SiteStatus.IDENTIFIED);
        assertThat(park.form().hasPoint()).isFalse();
    }

    @Test
    void refusesTheWholeFileWithEveryBadRowByRowAndColumn() {
        var file = HEADER
                + "Hotel De Poort;HOTEL;GM0344;Stationsweg 1;;;PRIVATE;40;;;;;;\n"
                + ";KASTEEL;GM9999;Dorpsstraat 2;;;PRIVATE;veertig;;;;;;\n"
                + "Kerk;CHURCH_BUILDING;Nergensdorp;Kerkplein 1;52,1;;CHURCH;0;2027-02-01;2027-01-01;-5;CLOSED;;\n";

        var problems = problems(file, List.of());

        assertThat(problems).extracting(Problem::row, Problem::field, Problem::messageKey).containsExactlyInAnyOrder(
                tuple(3, "name", "site.name.missing"),
                tuple(3, "kind", "site.choice.unknown"),
                tuple(3, "municipality", "site.municipality.unknown"),
                tuple(3, "capacity", "site.number.notWhole"),
                tuple(4, "municipality", "site.municipality.notFound"),
                tuple(4, "longitude", "site.point.incomplete"),
                tuple(4, "capacity", "site.capacity.notPositive"),
                tuple(4, "availableUntil", "site.availableUntil.beforeFrom"),
                tuple(4, "costPerNight", "site.cost.negative"),
                tuple(4, "status", "site.status.notStarting"));
    }

    @Test
    void aStatusMayBeDatedInThePastButNotInTheFuture() {
        var file = "name;kind;municipality;address;owner;capacity;status;status_since\n"
                + "Hotel De Poort;HOTEL;GM0344;Stationsweg 1;PRIVATE;40;IN_USE;2026-10-01\n"
                + "Hotel Zeist;HOTEL;GM0355;Hoofdstraat 9;PRIVATE;20;AGREED;2026-12-01\n";

        var problems = problems(file, List.of());

        assertThat(problems).extracting(Problem::row, Problem::field, Problem::messageKey)
                .containsExactly(tuple(3, "statusSince", "site.date.future"));
    }

    @Test
    void aSiteTwiceInTheFileIsShownAtItsSecondRowAndNotMerged() {
        var file = HEADER
                + "Hotel De Poort;HOTEL;GM0344;Stationsweg 1;;;PRIVATE;40;;;;;;\n"
                + "Hotel Zeist;HOTEL;GM0355;Hoofdstraat 9;;;PRIVATE;20;;;;;;\n"
                + "hotel de poort;HOTEL;Utrecht;Stationsweg 3;;;PRIVATE;35;;;;;;\n"
                + "Poort Hotel;HOTEL;GM0344;stationsweg  1;;;PRIVATE;35;;;;;;\n"
                + "Hotel De Poort;HOTEL;GM0355;Dorpsstraat 1;;;PRIVATE;35;;;;;;\n";

        var problems = problems(file, List.of());

        assertThat(problems).extracting(Problem::row, Problem::field, Problem::messageKey, Problem::arguments)
                .containsExactly(tuple(4, "name", "sites.duplicate.nameInFile", List.of(2)),
                        tuple(5, "address", "sites.duplicate.addressInFile", List.of(2)));
    }

    @Test
    void aSiteAlreadyInTheRegisterIsShownWithTheSiteItIsTheSameAs() {
        var stored = new TemporarySites.Stored(17, "Hotel De Poort",
                new DuplicateRule.Identity(UTRECHT, DuplicateRule.key("Hotel De Poort"), DuplicateRule.key("Stationsweg 1")));
        var file = HEADER
                + "Hotel Nieuw;HOTEL;GM0344;Biltstraat 5;;;PRIVATE;40;;;;;;\n"
                + "HOTEL DE POORT;HOTEL;GM0344;Stationsweg 99;;;PRIVATE;40;;;;;;\n"
                + "De Poort aan het station;HOTEL;GM0344;Stationsweg 1;;;PRIVATE;40;;;;;;\n";

        var problems = problems(file, List.of(stored));

        assertThat(problems).extracting(Problem::row, Problem::field, Problem::messageKey, Problem::arguments)
                .containsExactly(tuple(3, "name", "sites.duplicate.nameRegistered", List.of(17L, "Hotel De Poort")),
                        tuple(4, "address", "sites.duplicate.addressRegistered", List.of(17L, "Hotel De Poort")));
    }

    @Test
    void aSiteOutsideTheImportersScopeIsRefused() {
        var file = HEADER + "Hotel Centraal;HOTEL;GM0363;Damrak 1;;;PRIVATE;40;;;;;;\n";

        var problems = problems(file, List.of());

        assertThat(problems).extracting(Problem::row, Problem::field, Problem::messageKey)
                .containsExactly(tuple(2, "municipality", "sites.municipality.outsideScope"));
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedNamingEachOne() {
        var file = "naam;gemeente\nHotel;GM0344\n";

        var problems = problems(file, List.of());

        assertThat(problems).extracting(Problem::field)
                .containsExactlyInAnyOrder("kind", "address", "owner", "capacity");
    }

    @Test
    void readsDutchHeadersAndSkipsANoteAboveTheHeaderAsInTheOwnExport() {
        var file = "\"Tijdelijke locaties op 2026-11-29, synthetische demonstratiegegevens\"\n"
                + "Naam,Soort,Gemeente,Gemeentecode,Adres of locatie,Eigenaar,Capaciteit (personen),Beschikbaar vanaf,Status\n"
                + "Hotel De Poort,Hotel,Utrecht,GM0344,Stationsweg 1,Particulier,40,2026-12-01,In onderhandeling\n";

        var entries = read(file, List.of());

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.form().name()).isEqualTo("Hotel De Poort");
            assertThat(e.form().capacity()).isEqualTo(40);
            assertThat(e.status()).isEqualTo(SiteStatus.UNDER_NEGOTIATION);
        });
    }

    @Test
    void aProblemInAnExcelWorkbookNamesTheRowExcelShows() throws IOException {
        var workbook = workbook(new Object[][] {
                { "name", "kind", "municipality", "address", "owner", "capacity" },
                { "Hotel De Poort", "HOTEL", "GM0344", "Stationsweg 1", "PRIVATE", 40.0 },
                {},
                { "Kerk", "CHURCH_BUILDING", "GM0355", "Kerkplein 1", "CHURCH", 12.5 } });

        var problems = problems(workbook);

        assertThat(problems).extracting(Problem::row, Problem::field, Problem::messageKey)
                .containsExactly(tuple(4, "capacity", "site.number.notWhole"));
    }

    @Test
    void aGoodExcelWorkbookIsReadLikeACsvFile() throws IOException {
        var workbook = workbook(new Object[][] {
                { "Naam", "Soort", "Gemeente", "Adres", "Eigenaar", "Capaciteit", "Beschikbaar vanaf", "Kosten per nacht" },
                { "Hotel De Poort", "Hotel", "Utrecht", "Stationsweg 1", "Particulier", 40.0, LocalDate.of(2026, 12, 1), 85.5 } });

        var entries = SiteFile.read(new ByteArrayInputStream(workbook), KNOWN, PROVINCE::contains, codes -> List.of(), TODAY);

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.form().capacity()).isEqualTo(40);
            assertThat(e.form().availableFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(e.form().costPerNight()).isEqualByComparingTo(new BigDecimal("85.50"));
        });
    }

    @Test
    void aFileThatIsNeitherCsvNorAWorkbookIsRefused() {
        var zipButNoWorkbook = new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 };

        assertThatThrownBy(() -> SiteFile.read(new ByteArrayInputStream(zipButNoWorkbook), KNOWN, PROVINCE::contains,
                codes -> List.of(), TODAY)).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems()).extracting(Problem::messageKey).containsExactly("sites.file.notXlsx"));
    }

    private static List<SiteFile.Entry> read(String csv, List<TemporarySites.Stored> stored) {
        return SiteFile.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), KNOWN, PROVINCE::contains,
                (Collection<MunicipalityCode> codes) -> stored, TODAY);
    }

    private static List<Problem> problems(byte[] workbook) {
        try {
            SiteFile.read(new ByteArrayInputStream(workbook), KNOWN, PROVINCE::contains, codes -> List.of(), TODAY);
        }
        catch (InvalidInput e) {
            return e.problems();
        }
        throw new AssertionError("The workbook was accepted");
    }

    private static List<Problem> problems(String csv, List<TemporarySites.Stored> stored) {
        try {
            read(csv, stored);
        }
        catch (InvalidInput e) {
            return e.problems();
        }
        throw new AssertionError("The file was accepted");
    }

    private static byte[] workbook(Object[][] rows) throws IOException {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Locaties");
            var dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.createDataFormat().getFormat("d-m-yyyy"));
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    var value = rows[r][c];
                    if (value instanceof String text) {
                        row.createCell(c).setCellValue(text);
                    }
                    else if (value instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    }
                    else if (value instanceof LocalDate date) {
                        var cell = row.createCell(c);
                        cell.setCellValue(date);
                        cell.setCellStyle(dates);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
