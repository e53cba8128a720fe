package nl.doorstroom.housingmarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

/** How rows add up to an area's market: sums, the vacancy-weighted share, the seeker-weighted median, gaps. */
class MarketSumsTests {

    static final MunicipalityCode A = MunicipalityCode.of("GM0001");
    static final MunicipalityCode B = MunicipalityCode.of("GM0002");
    static final MunicipalityCode C = MunicipalityCode.of("GM0003");

    static MunicipalFigures row(long corporation, MunicipalityCode municipality, int[] homes, int[] vacancies,
            int allocated, int seekers, Double wait, Integer newSeekers, boolean synthetic) {
        var h = new EnumMap<SizeBand, Integer>(SizeBand.class);
        var v = new EnumMap<SizeBand, Integer>(SizeBand.class);
        for (var band : SizeBand.values()) {
            h.put(band, homes[band.ordinal()]);
            v.put(band, vacancies[band.ordinal()]);
        }
        return new MunicipalFigures(corporation, "Corporatie " + corporation, municipality, 2026, h, v, allocated,
                seekers, wait, newSeekers, synthetic, 1, "test", Instant.EPOCH);
    }

    @Test
    void sumsHomesAndVacanciesByBandOverCorporationsAndMunicipalities() {
        var rows = List.of(
                row(1, A, new int[] { 100, 80, 40, 10 }, new int[] { 10, 6, 3, 1 }, 2, 1000, 40.0, 100, false),
                row(2, A, new int[] { 50, 20, 5, 0 }, new int[] { 5, 2, 1, 0 }, 1, 500, 60.0, null, false),
                row(1, B, new int[] { 10, 10, 10, 10 }, new int[] { 1, 1, 1, 1 }, 0, 100, 80.0, 20, true));
        var figures = MarketSums.sum(2026, Set.of(A, B), rows);
        assertThat(figures.homes()).isEqualTo(Map.of(SizeBand.SMALL, 160L, SizeBand.MEDIUM, 110L, SizeBand.LARGE, 55L,
                SizeBand.EXTRA_LARGE, 20L));
        assertThat(figures.totalVacanciesPerYear()).isEqualTo(20 + 8 + 4);
        assertThat(figures.activeSeekers()).isEqualTo(1600);
        assertThat(figures.newSeekersPerYear()).isEqualTo(120L);
        assertThat(figures.newSeekersFromAll()).as("row 2 did not report new seekers").isFalse();
        // The simulation does not take a partial count of new seekers as the queue's arrivals.
        var input = AllocationSimulations.input(figures, 8, 8, new java.util.TreeMap<>(), 0, new long[] { 10, 0 },
                Map.of());
        assertThat(input.seekerArrivalsPerWeek()).isNull();
        var complete = MarketSums.sum(2026, Set.of(B), rows);
        assertThat(complete.newSeekersFromAll()).isTrue();
        assertThat(AllocationSimulations.input(complete, 8, 8, new java.util.TreeMap<>(), 0, new long[] { 10, 0 },
                Map.of()).seekerArrivalsPerWeek()).isCloseTo(20 / 52.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(figures.synthetic()).isTrue();
        assertThat(figures.withoutFigures()).isEmpty();
    }

    @Test
    void theAllocationShareWeighsEachRowByItsVacancies() {
        // 50% of 2 vacancies and 10% of 100: weighted (1 + 10) / 102, not the plain mean 30%.
        var rows = List.of(
                row(1, A, new int[] { 20, 0, 0, 0 }, new int[] { 2, 0, 0, 0 }, 1, 10, 30.0, null, false),
                row(1, B, new int[] { 1000, 0, 0, 0 }, new int[] { 100, 0, 0, 0 }, 10, 10, 30.0, null, false));
        assertThat(MarketSums.sum(2026, Set.of(A, B), rows).allocationShare()).isCloseTo(11.0 / 102, within(1e-12));
    }

    @Test
    void theMedianWaitIsTheSeekerWeightedMeanOfTheMedians() {
        var rows = List.of(
                row(1, A, new int[] { 1, 0, 0, 0 }, new int[] { 0, 0, 0, 0 }, 0, 900, 100.0, null, false),
                row(1, B, new int[] { 1, 0, 0, 0 }, new int[] { 0, 0, 0, 0 }, 0, 100, 20.0, null, false),
                row(1, C, new int[] { 1, 0, 0, 0 }, new int[] { 0, 0, 0, 0 }, 0, 5000, null, null, false));
        var figures = MarketSums.sum(2026, Set.of(A, B, C), rows);
        assertThat(figures.medianWaitMonths()).isCloseTo((900 * 100.0 + 100 * 20.0) / 1000, within(1e-9));
        assertThat(figures.allocationShare()).isZero();
        assertThat(figures.newSeekersPerYear()).as("nobody reported new seekers").isNull();
    }

    @Test
    void municipalitiesWithoutARowAreNamedAndRowsOutsideTheAreaOrYearIgnored() {
        var rows = List.of(row(1, A, new int[] { 5, 5, 5, 5 }, new int[] { 1, 1, 1, 1 }, 1, 10, 12.0, null, false),
                row(1, C, new int[] { 7, 7, 7, 7 }, new int[] { 1, 1, 1, 1 }, 1, 10, 12.0, null, true));
        var figures = MarketSums.sum(2026, Set.of(A, B), rows);
        assertThat(figures.withoutFigures()).containsExactly(B);
        assertThat(figures.totalHomes()).isEqualTo(20);
        assertThat(figures.synthetic()).as("the synthetic row lies outside the area").isFalse();
        var empty = MarketSums.sum(2025, Set.of(A), rows);
        assertThat(empty.withoutFigures()).containsExactly(A);
        assertThat(empty.medianWaitMonths()).isNull();
        assertThat(empty.totalHomes()).isZero();
    }

    @Test
    void anAreaSumsToTheSumOfItsMunicipalities() {
        var random = new Random(9);
        for (int round = 0; round < 50; round++) {
            var rows = new java.util.ArrayList<MunicipalFigures>();
            for (var m : List.of(A, B, C)) {
                for (int c = 1; c <= 1 + random.nextInt(3); c++) {
                    int[] vacancies = { random.nextInt(50), random.nextInt(50), random.nextInt(20), random.nextInt(5) };
                    int vacant = vacancies[0] + vacancies[1] + vacancies[2] + vacancies[3];
                    rows.add(row(c, m, new int[] { random.nextInt(900), random.nextInt(900), random.nextInt(300),
                            random.nextInt(50) }, vacancies, vacant == 0 ? 0 : random.nextInt(vacant + 1),
                            random.nextInt(3000), 10 + random.nextDouble() * 100, null, false));
                }
            }
            var whole = MarketSums.sum(2026, Set.of(A, B, C), rows);
            long allocated = 0;
            long homes = 0;
            double waitTimesSeekers = 0;
            for (var m : List.of(A, B, C)) {
                var part = MarketSums.sum(2026, Set.of(m), rows);
                allocated += Math.round(part.allocationShare() * part.totalVacanciesPerYear());
                homes += part.totalHomes();
                waitTimesSeekers += part.medianWaitMonths() * part.activeSeekers();
            }
            assertThat(whole.totalHomes()).isEqualTo(homes);
            assertThat(whole.allocationShare() * whole.totalVacanciesPerYear()).isCloseTo(allocated, within(1e-6));
            assertThat(whole.medianWaitMonths() * whole.activeSeekers()).isCloseTo(waitTimesSeekers, within(1e-6));
        }
    }
}
