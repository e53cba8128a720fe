package nl.doorstroom.housingmarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.AuditTrail.AuditQuery;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The housing-market figures through the facade on the shared database: the demo's market, the all-or-nothing
 * import, versioned edits, who may change what, and what each reader sees. The tests' own rows are of 2024 and of
 * their own corporations, so the demo's 2025 and 2026 stay as loaded.
 */
@IntegrationTest
class HousingMarketIntegrationTests {

    static final int YEAR = 2024;
    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");
    static final MunicipalityCode ZEIST = MunicipalityCode.of("GM0355");
    static final MunicipalityCode IJSSELSTEIN = MunicipalityCode.of("GM0353");
    static final MunicipalityCode AMSTERDAM = MunicipalityCode.of("GM0363");
    /** The organisation of {@link TestUsers}' corporation user, serving Utrecht and Zeist. */
    static final String TEST_CORPORATION = "Woonstichting Test";

    @Autowired
    HousingStocks stocks;

    @Autowired
    MunicipalityRegistry registry;

    @Autowired
    AuditTrail audit;

    long corporation(String name) throws Exception {
        return TestUsers.as(Role.ADMINISTRATOR, () -> stocks.corporations().stream().filter(c -> c.name().equals(name))
                .findFirst().map(HousingCorporation::id).orElseGet(() -> stocks.registerCorporation(name, null)));
    }

    static ByteArrayInputStream csv(String... lines) {
        return new ByteArrayInputStream((MarketFile.header() + "\n" + String.join("\n", lines) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    static FiguresForm form(int homesPerBand, int vacanciesPerBand, int allocated) {
        var homes = new EnumMap<SizeBand, Integer>(SizeBand.class);
        var vacancies = new EnumMap<SizeBand, Integer>(SizeBand.class);
        for (var band : SizeBand.values()) {
            homes.put(band, homesPerBand);
            vacancies.put(band, vacanciesPerBand);
        }
        return new FiguresForm(homes, vacancies, allocated, 1000, 60.0, null);
    }

    List<MunicipalityCode> all() {
        return registry.all().stream().map(Municipality::code).toList();
    }

    @Test
    void theDemoReportsEveryMunicipalityThisYearAndLastYearAsSyntheticFigures() throws Exception {
        var corporations = TestUsers.as(Role.MINISTRY_ANALYST, () -> stocks.corporations());
        // Other tests register synthetic corporations of their own in the shared database: count the demo's by name.
        assertThat(corporations).filteredOn(c -> c.name().endsWith("(synthetisch)")).hasSize(4)
                .allMatch(HousingCorporation::synthetic).extracting(HousingCorporation::name)
                .contains("Woonstichting Voorbeeld (synthetisch)");
        for (int year : List.of(2025, 2026)) {
            var nation = TestUsers.as(Role.MINISTRY_ANALYST, () -> stocks.figuresFor(all(), year));
            assertThat(nation.withoutFigures()).as("every municipality has figures in " + year).isEmpty();
            assertThat(nation.synthetic()).isTrue();
            assertThat(nation.totalHomes()).isBetween(1_500_000L, 3_500_000L);
            assertThat((double) nation.totalVacanciesPerYear() / nation.totalHomes()).isBetween(0.055, 0.085);
            assertThat(nation.allocationShare()).isBetween(0.08, 0.15);
            assertThat(nation.medianWaitMonths()).isBetween(30.0, 120.0);
            assertThat((double) nation.homes().get(SizeBand.SMALL) / nation.totalHomes()).isBetween(0.37, 0.43);
            assertThat((double) nation.homes().get(SizeBand.EXTRA_LARGE) / nation.totalHomes()).isBetween(0.04, 0.06);
        }
        assertThat(TestUsers.as(Role.MINISTRY_ANALYST, () -> stocks.latestYear())).hasValueSatisfying(
                y -> assertThat(y).isGreaterThanOrEqualTo(2026));
        var example = corporations.stream().filter(c -> c.name().startsWith("Woonstichting Voorbeeld")).findFirst()
                .orElseThrow();
        assertThat(TestUsers.as(Role.MINISTRY_ANALYST, () -> stocks.figuresOf(example.id(), 2026)))
                .extracting(f -> f.municipality().value()).containsExactly("GM0344", "GM0353", "GM0355", "GM0356");
    }

    @Test
    void anImportWithAnyBadRowStoresNothingAndNamesEveryProblem() throws Exception {
        long id = corporation("Testcorporatie Import");
        var bad = csv("GM0344;100;100;50;10;10;8;4;1;5;1000;40;",
                "GM9998;100;100;50;10;10;8;4;1;5;1000;40;",
                "GM0363;-5;100;50;10;10;8;4;1;5;1000;40;",
                "GM0344;100;100;50;10;1;1;1;1;9;1000;40;",
                "GM0599;100;100;50;10;10;8;4;1;5;;x;");
        assertThatThrownBy(() -> TestUsers.as(Role.NATIONAL_COORDINATOR, () -> stocks.importFile(id, YEAR, bad)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(Problem::row, Problem::field, Problem::messageKey).containsExactly(
                                tuple(3, "gemeentecode", "housingmarket.import.municipality.unknown"),
                                tuple(4, "woningen_klein", "housingmarket.value.negative"),
                                tuple(5, "gemeentecode", "housingmarket.import.duplicate"),
                                tuple(5, "toegewezen_vergunninghouders", "housingmarket.allocated.aboveVacancies"),
                                tuple(6, "mediane_inschrijfduur_maanden", "housingmarket.import.decimal.invalid"),
                                tuple(6, "actief_woningzoekenden", "housingmarket.value.missing")));
        assertThat(TestUsers.as(Role.NATIONAL_COORDINATOR, () -> stocks.figuresOf(id, YEAR))).isEmpty();

        assertThatThrownBy(() -> TestUsers.as(Role.NATIONAL_COORDINATOR,
                () -> stocks.importFile(id, 1999, csv("GM0344;1;1;1;1;1;1;1;1;0;1;1;"))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(Problem::messageKey)
                        .containsExactly("housingmarket.year.outside"));
    }

    @Test
    void reimportingTheSameYearReplacesTheRowsAndSaysHowMany() throws Exception {
        long id = corporation("Testcorporatie Herimport");
        var first = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> stocks.importFile(id, YEAR,
                csv("GM0344;1.200;900;400;100;80;60;25;5;17;12.000;84,5;1.500", "GM0363;10;10;10;10;1;1;1;1;0;50;30;")));
        assertThat(first.rows()).isEqualTo(2);
        assertThat(first.replaced()).isZero();
        var second = TestUsers.as(Role.ADMINISTRATOR, () -> stocks.importFile(id, YEAR,
                csv("GM0344;1.300;900;400;100;80;60;25;5;20;12.000;84,5;1.500", "GM0363;10;10;10;10;1;1;1;1;0;50;30;",
                        "GM0599;10;10;10;10;1;1;1;1;1;50;30;")));
        assertThat(second.rows()).isEqualTo(3);
        assertThat(second.replaced()).isEqualTo(2);
        var rows = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> stocks.figuresOf(id, YEAR));
        assertThat(rows).extracting(f -> f.municipality().value(), MunicipalFigures::version)
                .containsExactly(tuple("GM0344", 2), tuple("GM0363", 2), tuple("GM0599", 1));
        var utrecht = rows.get(0);
        assertThat(utrecht.homes(SizeBand.SMALL)).isEqualTo(1300);
        assertThat(utrecht.allocated()).isEqualTo(20);
        assertThat(utrecht.medianWaitMonths()).isEqualTo(84.5);
        assertThat(utrecht.newSeekersPerYear()).isEqualTo(1500);
        assertThat(utrecht.synthetic()).isFalse();
        assertThat(TestUsers.as(Role.NATIONAL_COORDINATOR, () -> stocks.imports(id))).extracting(MarketImport::replaced)
                .containsExactly(2, 0);
        var audited = TestUsers.as(Role.ADMINISTRATOR, () -> audit.search(new AuditQuery(null, "market-figure.imported",
                null, null, null), 0, 200)).events();
        assertThat(audited).extracting(AuditTrail.AuditEvent::subjectId).contains(String.valueOf(first.id()),
                String.valueOf(second.id()));
    }

    @Test
    void aCorporationChangesOnlyItsOwnFiguresForTheMunicipalitiesItServes() throws Exception {
        long own = corporation(TEST_CORPORATION);
        long other = corporation("Testcorporatie Ander");
        var entered = TestUsers.as(Role.HOUSING_CORPORATION, () -> stocks.change(own, ZEIST, YEAR, 0, form(50, 5, 2)));
        assertThat(entered.version()).isEqualTo(1);
        assertThat(entered.changedBy()).isEqualTo("test-housing_corporation");

        assertThatThrownBy(() -> TestUsers.as(Role.HOUSING_CORPORATION, () -> stocks.change(own, IJSSELSTEIN, YEAR, 0,
                form(50, 5, 2)))).as("IJsselstein is not served").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(Role.HOUSING_CORPORATION, () -> stocks.change(other, UTRECHT, YEAR, 0,
                form(50, 5, 2)))).as("another corporation").isInstanceOf(MarketNotFound.class);
        assertThatThrownBy(() -> TestUsers.as(Role.HOUSING_CORPORATION, () -> stocks.importFile(own, YEAR,
                csv("GM0344;1;1;1;1;1;1;1;1;0;1;1;", "GM0353;1;1;1;1;1;1;1;1;0;1;1;"))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(Problem::row, Problem::messageKey)
                        .containsExactly(tuple(3, "housingmarket.import.municipality.notServed")));
        assertThatThrownBy(() -> TestUsers.as(Role.HOUSING_CORPORATION, () -> stocks.importFile(other, YEAR,
                csv("GM0344;1;1;1;1;1;1;1;1;0;1;1;")))).isInstanceOf(MarketNotFound.class);
        assertThatThrownBy(() -> TestUsers.as(Role.MINISTRY_ANALYST, () -> stocks.change(own, ZEIST, YEAR, 1,
                form(50, 5, 2)))).as("analysts read only").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(Role.HOUSING_CORPORATION, () -> stocks.registerCorporation("Nieuw", null)))
                .isInstanceOf(AccessDeniedException.class);

        var audited = TestUsers.as(Role.ADMINISTRATOR, () -> audit.search(new AuditQuery("test-housing_corporation",
                "market-figure.entered", null, null, null), 0, 50)).events();
        assertThat(audited).extracting(AuditTrail.AuditEvent::subjectId).contains(own + "/GM0355/" + YEAR);
    }

    @Test
    void aStaleVersionIsRefusedAndBadFiguresAreNamed() throws Exception {
        long id = corporation("Testcorporatie Versie");
        var first = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> stocks.change(id, IJSSELSTEIN, YEAR, 0, form(10, 2, 1)));
        var second = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> stocks.change(id, IJSSELSTEIN, YEAR, first.version(),
                form(11, 2, 1)));
        assertThat(second.version()).isEqualTo(first.version() + 1);
        assertThatThrownBy(() -> TestUsers.as(Role.ADMINISTRATOR, () -> stocks.change(id, IJSSELSTEIN, YEAR, first.version(),
                form(12, 2, 1)))).isInstanceOf(EditConflict.class);
        assertThatThrownBy(() -> TestUsers.as(Role.ADMINISTRATOR, () -> stocks.change(id, IJSSELSTEIN, YEAR, 0,
                form(12, 2, 1)))).as("entering a row someone else entered first").isInstanceOf(EditConflict.class);
        assertThatThrownBy(() -> TestUsers.as(Role.ADMINISTRATOR, () -> stocks.change(id, IJSSELSTEIN, YEAR, second.version(),
                form(-1, 2, 9)))).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("homes.SMALL", "homes.MEDIUM", "homes.LARGE",
                                "homes.EXTRA_LARGE", "allocated"));
        assertThat(TestUsers.as(Role.ADMINISTRATOR, () -> stocks.figure(id, IJSSELSTEIN, YEAR))).hasValueSatisfying(
                f -> assertThat(f.homes(SizeBand.SMALL)).isEqualTo(11));
    }

    @Test
    void eachReaderSeesWhatItsScopeCovers() throws Exception {
        long own = corporation(TEST_CORPORATION);
        long other = corporation("Testcorporatie Zicht");
        TestUsers.as(Role.NATIONAL_COORDINATOR, () -> stocks.importFile(other, YEAR,
                csv("GM0344;1000;0;0;0;100;0;0;0;10;100;24;", "GM0363;1000;0;0;0;100;0;0;0;10;100;24;")));
        TestUsers.as(Role.NATIONAL_COORDINATOR, () -> stocks.importFile(own, YEAR, csv("GM0344;7;0;0;0;1;0;0;0;0;1;12;")));

        // The corporation: only itself, its own rows in every sum.
        assertThat(TestUsers.as(Role.HOUSING_CORPORATION, () -> stocks.corporations()))
                .extracting(HousingCorporation::name).containsExactly(TEST_CORPORATION);
        assertThat(TestUsers.as(Role.HOUSING_CORPORATION, () -> stocks.corporation(other))).isEmpty();
        assertThatThrownBy(() -> TestUsers.as(Role.HOUSING_CORPORATION, () -> stocks.figuresOf(other, YEAR)))
                .isInstanceOf(MarketNotFound.class);
        assertThat(TestUsers.as(Role.HOUSING_CORPORATION, () -> stocks.figuresFor(Set.of(UTRECHT), YEAR).totalHomes()))
                .isEqualTo(7);
        assertThat(TestUsers.as(Role.HOUSING_CORPORATION, () -> stocks.figure(other, UTRECHT, YEAR))).isEmpty();

        // The municipality officer of Utrecht: every corporation's rows of Utrecht, nothing of Amsterdam.
        assertThat(TestUsers.as(Role.MUNICIPALITY_OFFICER, () -> stocks.figuresOf(other, YEAR)))
                .extracting(f -> f.municipality().value()).containsExactly("GM0344");
        assertThat(TestUsers.as(Role.MUNICIPALITY_OFFICER, () -> stocks.figuresFor(Set.of(UTRECHT), YEAR).totalHomes()))
                .isGreaterThanOrEqualTo(1007);
        assertThatThrownBy(() -> TestUsers.as(Role.MUNICIPALITY_OFFICER, () -> stocks.figuresFor(Set.of(AMSTERDAM), YEAR)))
                .isInstanceOf(AccessDeniedException.class);

        // The province supervisor of Utrecht: its province only.
        var utrechtProvince = registry.inProvince(ProvinceCode.of("PV26")).stream().map(Municipality::code).toList();
        assertThat(TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> stocks.figuresFor(utrechtProvince, 2026).withoutFigures()))
                .isEmpty();
        assertThatThrownBy(() -> TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> stocks.figuresFor(Set.of(AMSTERDAM), YEAR)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> stocks.figuresOf(other, YEAR)))
                .extracting(f -> f.municipality().value()).containsExactly("GM0344");

        // National readers: everything.
        assertThat(TestUsers.as(Role.COA_PLANNER, () -> stocks.figuresOf(other, YEAR))).hasSize(2);
    }
}
