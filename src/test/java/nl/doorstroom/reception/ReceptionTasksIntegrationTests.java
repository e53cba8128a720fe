package nl.doorstroom.reception;

import static nl.doorstroom.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.quota.ApportionmentMethod;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The reception task on the embedded database: computations stored with their inputs and reproducible, imports all
 * or nothing, and each reader seeing their own rows. Dates far ahead keep these computations apart from the demo's.
 */
@IntegrationTest
class ReceptionTasksIntegrationTests {

    static final MunicipalityCode AMSTERDAM = MunicipalityCode.of("GM0363");
    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");

    @Autowired
    ReceptionTasks tasks;

    @Autowired
    MunicipalityRegistry registry;

    @Test
    void aComputationDistributesTheTotalInForceAndIsReproducibleFromWhatItStored() throws Exception {
        var first = as(Role.NATIONAL_COORDINATOR, () -> {
            tasks.enterTotal(50_000, LocalDate.of(2099, 3, 1), "Test: minder plaatsen nodig");
            return tasks.calculate(LocalDate.of(2099, 3, 2), null, null, null);
        });
        var again = as(Role.MINISTRY_ANALYST, () -> tasks.calculate(LocalDate.of(2099, 3, 3),
                first.populationVersionId(), first.welfareVersionId(), ApportionmentMethod.LARGEST_REMAINDER));

        var picture = tasks.picture(LocalDate.of(2099, 3, 2));
        var repeated = tasks.picture(LocalDate.of(2099, 3, 3));
        assertThat(first.total()).isEqualTo(50_000);
        assertThat(first.allocated()).isEqualTo(50_000);
        assertThat(first.excess()).isZero();
        assertThat(first.method()).isEqualTo(ApportionmentMethod.LARGEST_REMAINDER);
        assertThat(tasks.calculationOn(LocalDate.of(2099, 3, 2))).get().extracting(TaskCalculation::id)
                .isEqualTo(first.id());
        assertThat(picture).hasSize(registry.all().size());
        assertThat(picture.values().stream().mapToLong(TaskPicture::task).sum()).isEqualTo(50_000);
        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(repeated.values()).extracting(TaskPicture::code, TaskPicture::task)
                .containsExactlyElementsOf(picture.values().stream().map(p -> tuple(p.code(), p.task())).toList());
    }

    @Test
    void roundingUpHandsOutMoreThanTheTotalByLessThanTheNumberOfMunicipalities() throws Exception {
        var calculation = as(Role.NATIONAL_COORDINATOR, () -> {
            tasks.enterTotal(96_000, LocalDate.of(2098, 1, 1), "Test: afronden naar boven");
            return tasks.calculate(LocalDate.of(2098, 1, 2), null, null, ApportionmentMethod.ROUND_UP);
        });

        long sum = tasks.picture(LocalDate.of(2098, 1, 2)).values().stream().mapToLong(TaskPicture::task).sum();
        assertThat(sum).isEqualTo(calculation.allocated());
        assertThat(calculation.excess()).isBetween(0L, (long) registry.all().size() - 1);
    }

    /** Spreidingswet: places per 1,000 inhabitants follow the welfare factor (rounding aside, in larger places). */
    @Test
    void aMunicipalityWithAClearlyHigherWelfareFactorTakesMorePlacesPerThousandInhabitants() throws Exception {
        as(Role.NATIONAL_COORDINATOR, () -> tasks.calculate(LocalDate.of(2097, 1, 1), null, null, null));

        var large = tasks.picture(LocalDate.of(2097, 1, 1)).values().stream().filter(p -> p.population() >= 50_000)
                .toList();
        assertThat(large).hasSizeGreaterThan(10);
        for (var a : large) {
            for (var b : large) {
                if (a.welfareFactor().compareTo(b.welfareFactor().multiply(new BigDecimal("1.05"))) > 0) {
                    assertThat(a.placesPerThousand()).as("%s against %s", a.code(), b.code())
                            .isGreaterThan(b.placesPerThousand());
                }
            }
        }
    }

    @Test
    void anImportWithABadRowStoresNothingAndAGoodOneIsAVersionInForceFromItsReferenceDate() throws Exception {
        var today = ReceptionTasks.today();
        int before = as(Role.NATIONAL_COORDINATOR, () -> tasks.imports(FigureKind.MUNICIPAL_PLACES)).size();
        var bad = """
                municipality,places,reference_date
                GM0363,4100,%s
                GM0000,10,%s
                GM0344,veel,%s
                """.formatted(today, today, today);

        assertThatThrownBy(() -> as(Role.NATIONAL_COORDINATOR, () -> tasks.importFigures(FigureKind.MUNICIPAL_PLACES,
                new StringReader(bad), "Test fout"))).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems()).extracting(p -> p.row(), p -> p.field())
                                .containsExactly(tuple(3, "municipality"), tuple(4, "places")));
        assertThat(as(Role.NATIONAL_COORDINATOR, () -> tasks.imports(FigureKind.MUNICIPAL_PLACES))).hasSize(before);

        var imported = as(Role.ADMINISTRATOR, () -> tasks.importFigures(FigureKind.MUNICIPAL_PLACES,
                new StringReader("municipality,places,reference_date\nGM0363,4123,%s\n".formatted(today)), "Test goed"));
        as(Role.NATIONAL_COORDINATOR, () -> tasks.calculate(LocalDate.of(2096, 1, 1), null, null, null));

        var amsterdam = tasks.picture(LocalDate.of(2096, 1, 1)).get(AMSTERDAM);
        assertThat(imported.rows()).isEqualTo(1);
        assertThat(imported.sum()).isEqualTo(4123);
        assertThat(amsterdam.municipalPlaces()).isEqualTo(4123);
        assertThat(amsterdam.municipalPlacesDate()).isEqualTo(today);
        assertThat(amsterdam.shareProvided()).isEqualByComparingTo(
                BigDecimal.valueOf(4123).divide(BigDecimal.valueOf(amsterdam.task()), 4, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void displacedUkrainiansAreImportedAsTheirOwnFigures() throws Exception {
        var today = ReceptionTasks.today();

        as(Role.NATIONAL_COORDINATOR, () -> tasks.importFigures(FigureKind.UKRAINIANS,
                new StringReader("gemeente;personen;peildatum\nGM0344;777;%s\n".formatted(today)), null));
        as(Role.NATIONAL_COORDINATOR, () -> tasks.calculate(LocalDate.of(2095, 1, 1), null, null, null));

        var utrecht = tasks.picture(LocalDate.of(2095, 1, 1)).get(UTRECHT);
        assertThat(utrecht.ukrainians()).isEqualTo(777);
        assertThat(utrecht.ukrainiansDate()).isEqualTo(today);
    }

    @Test
    void eachReaderSeesTheirOwnRowsAndOthersAreRefused() throws Exception {
        as(Role.NATIONAL_COORDINATOR, () -> tasks.calculate(LocalDate.of(2094, 1, 1), null, null, null));
        var date = LocalDate.of(2094, 1, 1);

        var province = as(Role.PROVINCE_SUPERVISOR, () -> tasks.tasks(date, null));
        var officer = as(Role.MUNICIPALITY_OFFICER, () -> tasks.tasks(date, null));
        var filtered = as(Role.COA_PLANNER, () -> tasks.tasks(date, ProvinceCode.of("PV26")));

        var utrechtProvince = registry.inProvince(ProvinceCode.of("PV26")).stream().map(m -> m.code()).toList();
        assertThat(province).extracting(TaskPicture::code).containsExactlyInAnyOrderElementsOf(utrechtProvince);
        assertThat(officer).extracting(TaskPicture::code).containsExactly(UTRECHT);
        assertThat(filtered).extracting(TaskPicture::code).containsExactlyInAnyOrderElementsOf(utrechtProvince);
        assertThatThrownBy(() -> as(Role.HOUSING_CORPORATION, () -> tasks.tasks(date, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(Role.COA_PLANNER, () -> tasks.enterTotal(1, date, "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(Role.MINISTRY_ANALYST, () -> tasks.importFigures(FigureKind.UKRAINIANS,
                new StringReader("municipality,persons,reference_date\n"), null))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTotalIsRefusedWithEveryProblem() {
        assertThatThrownBy(() -> as(Role.NATIONAL_COORDINATOR, () -> tasks.enterTotal(-1, null, " ")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("total", "effectiveDate", "reason"));
    }

    @Test
    void withoutAnEnteredTotalTheActsNinetySixThousandApplies() {
        var statutory = tasks.totalOn(LocalDate.of(2001, 1, 1));

        assertThat(statutory.total()).isEqualTo(96_000);
        assertThat(statutory.isStatutory()).isTrue();
        assertThat(Map.of()).isEqualTo(tasks.picture(LocalDate.of(2001, 1, 1)));
    }
}
