package nl.doorstroom.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;

/** The population each municipality counts with in a half-year's quota, around a merger (art. 30). */
class QuotaCalculationTests {

    static final Municipality KAPELLE = municipality("GM0678", "Kapelle");
    static final Municipality NOORD_BEVELAND = municipality("GM1695", "Noord-Beveland");
    static final Municipality GOES = municipality("GM0664", "Goes");
    static final List<Municipality> MUNICIPALITIES = List.of(KAPELLE, NOORD_BEVELAND, GOES);

    /** Noord-Beveland merges into Kapelle from 2030-I; the province set the population at 21,500. */
    static final Merger MERGER = new Merger(1, KAPELLE.code(), new TreeSet<>(List.of(NOORD_BEVELAND.code())),
            new HalfYear(2030, 1), 21_500, LocalDate.of(2028, 6, 1), "test", "test", Instant.EPOCH);

    /** A population version with each municipality's own figure, as CBS counts it. */
    static final Map<MunicipalityCode, Long> VERSION = Map.of(KAPELLE.code(), 21_300L, NOORD_BEVELAND.code(), 8_100L,
            GOES.code(), 40_000L);

    @Test
    void beforeTheMergerEveryMunicipalityCountsWithItsOwnFigure() {
        var populations = QuotaCalculation.populationsFor(new HalfYear(2029, 2), MUNICIPALITIES, List.of(MERGER), VERSION);

        assertThat(populations).containsOnlyKeys(KAPELLE.code(), NOORD_BEVELAND.code(), GOES.code())
                .containsEntry(KAPELLE.code(), 21_300L);
    }

    @Test
    void whileThePopulationCountedPredatesTheMergerTheSuccessorCountsWithTheProvincesFigure() {
        // Both halves of 2030 count the population on 1-1-2029, before the merger's first day.
        for (var period : List.of(new HalfYear(2030, 1), new HalfYear(2030, 2))) {
            var populations = QuotaCalculation.populationsFor(period, MUNICIPALITIES, List.of(MERGER), VERSION);

            assertThat(populations).as(period.toString()).containsOnlyKeys(KAPELLE.code(), GOES.code())
                    .containsEntry(KAPELLE.code(), 21_500L);
        }
    }

    @Test
    void onceThePopulationCountedIsFromTheMergerOnTheSuccessorCountsWithTheVersionsFigure() {
        // 2031-I counts the population on 1-1-2030, the merger's first day: CBS counts the merged municipality.
        var populations = QuotaCalculation.populationsFor(new HalfYear(2031, 1), MUNICIPALITIES, List.of(MERGER),
                VERSION);

        assertThat(populations).containsOnlyKeys(KAPELLE.code(), GOES.code()).containsEntry(KAPELLE.code(), 21_300L);
    }

    @Test
    void aVersionWithoutTheSuccessorsOwnFigureAfterTheMergerIsAProblem() {
        var withoutKapelle = Map.of(NOORD_BEVELAND.code(), 8_100L, GOES.code(), 40_000L);

        assertThatThrownBy(() -> QuotaCalculation.populationsFor(new HalfYear(2031, 1), MUNICIPALITIES, List.of(MERGER),
                withoutKapelle))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.messageKey()).isEqualTo("quota.populationVersion.lacks");
                            assertThat(p.arguments()).containsExactly("GM0678");
                        }));
    }

    @Test
    void aMergerSetsThePopulationOnlyForTheHalfYearsCountedBeforeIt() {
        var fromSecondHalf = new Merger(2, KAPELLE.code(), new TreeSet<>(List.of(NOORD_BEVELAND.code())),
                new HalfYear(2030, 2), 21_500, LocalDate.of(2028, 6, 1), "test", "test", Instant.EPOCH);

        assertThat(fromSecondHalf.setsPopulationOf(new HalfYear(2030, 1))).isFalse();
        assertThat(fromSecondHalf.setsPopulationOf(new HalfYear(2030, 2))).isTrue();
        assertThat(fromSecondHalf.setsPopulationOf(new HalfYear(2031, 1))).as("counts 1-1-2030, before 1-7-2030")
                .isTrue();
        assertThat(fromSecondHalf.setsPopulationOf(new HalfYear(2031, 2))).isTrue();
        assertThat(fromSecondHalf.setsPopulationOf(new HalfYear(2032, 1))).as("counts 1-1-2031").isFalse();
    }

    @Test
    void theLetterSaysTheProvinceSetThePopulationWhenTheComputationHoldsTheMergersFigure() {
        var computed = computedAt(new HalfYear(2030, 2), Instant.parse("2029-03-01T10:00:00Z"));
        var quotas = Map.of(KAPELLE.code(), new MunicipalQuota(KAPELLE.code(), 21_500, 30),
                GOES.code(), new MunicipalQuota(GOES.code(), 40_000, 55));

        var setByProvince = QuotaCalculation.populationsSetByProvince(computed, quotas, List.of(MERGER));

        assertThat(setByProvince).containsExactly(KAPELLE.code());
    }

    @Test
    void aMergerRecordedAfterTheComputationOrWithAnotherFigureIsNotWhatTheComputationUsed() {
        var recordedLater = new Merger(1, KAPELLE.code(), new TreeSet<>(List.of(NOORD_BEVELAND.code())),
                new HalfYear(2030, 1), 21_500, LocalDate.of(2028, 6, 1), "test", "test",
                Instant.parse("2029-04-01T10:00:00Z"));
        var computed = computedAt(new HalfYear(2030, 2), Instant.parse("2029-03-01T10:00:00Z"));
        var ownFigure = Map.of(KAPELLE.code(), new MunicipalQuota(KAPELLE.code(), 21_300, 30));
        var mergersFigure = Map.of(KAPELLE.code(), new MunicipalQuota(KAPELLE.code(), 21_500, 30));

        assertThat(QuotaCalculation.populationsSetByProvince(computed, mergersFigure, List.of(recordedLater))).isEmpty();
        assertThat(QuotaCalculation.populationsSetByProvince(computed, ownFigure, List.of(MERGER))).isEmpty();
    }

    private static PublishedQuota computedAt(HalfYear period, Instant at) {
        return new PublishedQuota(1, period, 1, 15_000, 1, LocalDate.of(2024, 1, 1), 17_900_000, true, "test",
                period.start().minusWeeks(14), "test", at, 15_171, 342);
    }

    private static Municipality municipality(String code, String name) {
        return new Municipality(MunicipalityCode.of(code), name, ProvinceCode.of("PV29"), "Zeeland", name,
                BigDecimal.TEN, "ZHZ");
    }

    @Test
    void aVersionChosenFromBeforeTheMergerStillUsesTheProvincesFigure() {
        var period = new HalfYear(2031, 1);

        var populations = QuotaCalculation.populationsFor(period, java.time.LocalDate.of(2029, 1, 1), MUNICIPALITIES,
                List.of(MERGER), VERSION);

        assertThat(populations).containsEntry(MERGER.successor(), MERGER.population());
    }
}
