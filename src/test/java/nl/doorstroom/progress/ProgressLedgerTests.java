package nl.doorstroom.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.quota.Merger;
import nl.doorstroom.quota.Quotas;
import nl.doorstroom.quota.Quotas.QuotaLine;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;

/** The progress ledger on plain data: carry-over, pace, colours and mergers. */
class ProgressLedgerTests {

    static final ProvinceCode UTRECHT_PROVINCE = ProvinceCode.of("PV26");
    static final HalfYear FIRST = new HalfYear(2024, 1);
    static final HalfYear SECOND = new HalfYear(2024, 2);
    static final HalfYear THIRD = new HalfYear(2025, 1);

    final Municipality amersfoort = municipality("GM0307", "Amersfoort");
    final Municipality zeist = municipality("GM0355", "Zeist");
    final Municipality soest = municipality("GM0342", "Soest");

    @Test
    void carriesTheShortfallIntoTheNextHalfYear() {
        var book = book(Map.of(FIRST, Map.of(amersfoort, 120L), SECOND, Map.of(amersfoort, 110L)));
        var housed = housed(amersfoort, Map.of(FIRST, 100L, SECOND, 50L));

        var picture = compute(LocalDate.of(2024, 12, 31), List.of(FIRST, SECOND), book, housed, List.of());

        var second = picture.municipality(amersfoort.code()).orElseThrow().current();
        assertThat(second.carriedIn()).isEqualTo(20);
        assertThat(second.correctedQuota()).isEqualTo(130);
        assertThat(second.shortfall()).isEqualTo(80);
    }

    @Test
    void colourOnTheCutOffFollowsTheProvinceThresholds() {
        var book = book(Map.of(FIRST, Map.of(amersfoort, 100L, zeist, 100L, soest, 100L), SECOND,
                Map.of(amersfoort, 0L, zeist, 0L, soest, 0L)));
        var housed = new HashMap<MunicipalityCode, Map<HalfYear, Long>>();
        housed.put(amersfoort.code(), Map.of(FIRST, 100L));
        housed.put(zeist.code(), Map.of(FIRST, 76L));
        housed.put(soest.code(), Map.of(FIRST, 74L));
        var thresholds = Map.of(UTRECHT_PROVINCE, new Thresholds(UTRECHT_PROVINCE, new BigDecimal("100"),
                new BigDecimal("75"), false, 0));

        var picture = ProgressMonitor.compute(LocalDate.of(2024, 7, 2), LocalDate.of(2024, 7, 2), List.of(FIRST, SECOND),
                List.of(amersfoort, zeist, soest), book, housed, thresholds, Set.of("GM0342/2024-I"), List.of());

        assertThat(colourIn(picture, amersfoort, FIRST)).isEqualTo(Colour.GREEN);
        assertThat(colourIn(picture, zeist, FIRST)).isEqualTo(Colour.ORANGE);
        assertThat(colourIn(picture, soest, FIRST)).isEqualTo(Colour.RED);
        assertThat(picture.municipality(soest.code()).orElseThrow().history().get(0).excused()).isTrue();
        assertThat(picture.municipality(soest.code()).orElseThrow().missedInARow()).as("excused").isZero();
        assertThat(picture.municipality(zeist.code()).orElseThrow().missedInARow()).isEqualTo(1);
    }

    @Test
    void thePaceAsksOneSixthOfTheCorrectedQuotaPerMonth() {
        double afterTwoMonths = PeriodProgress.expectedBy(FIRST, LocalDate.of(2024, 2, 29), 60);
        double halfwayMarch = PeriodProgress.expectedBy(FIRST, LocalDate.of(2024, 3, 16), 62);

        assertThat(afterTwoMonths).isEqualTo(20.0);
        assertThat(halfwayMarch).isCloseTo(62 * (2 + 16.0 / 31) / 6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void weeksBehindIsTheGapDividedByTheWeeklyPace() {
        var period = new PeriodProgress(FIRST, LocalDate.of(2024, 3, 31), 182, 0, 182, 45, 91, false, true,
                Colour.RED, false);

        // 182 days in 2024-I = 26 weeks; 7 a week; 46 behind the 91 expected = 6.57 weeks.
        assertThat(period.weeksBehind()).isCloseTo(46.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aMergerCarriesThePredecessorsBalancesAndFiguresOnTheSuccessor() {
        var merger = new Merger(1, zeist.code(), new TreeSet<>(Set.of(soest.code())), SECOND, 100_000,
                LocalDate.of(2024, 3, 1), "test", "test", Instant.now());
        var book = book(Map.of(FIRST, Map.of(zeist, 50L, soest, 40L), SECOND, Map.of(zeist, 60L, soest, 30L)));
        var housed = new HashMap<MunicipalityCode, Map<HalfYear, Long>>();
        housed.put(zeist.code(), Map.of(FIRST, 45L, SECOND, 20L));
        housed.put(soest.code(), Map.of(FIRST, 30L, SECOND, 5L));

        var picture = compute(LocalDate.of(2024, 12, 31), List.of(FIRST, SECOND), book, housed, List.of(merger));

        var second = picture.municipality(zeist.code()).orElseThrow().current();
        assertThat(picture.municipality(soest.code())).isEmpty();
        assertThat(second.carriedIn()).isEqualTo(5 + 10);
        assertThat(second.quota()).isEqualTo(90);
        assertThat(second.housed()).isEqualTo(25);
        assertThat(picture.nation().get(1).correctedQuota()).isEqualTo(105);
    }

    @Test
    void sumsOverAnAreaLeaveAdvancesOutOfWhatRemains() {
        var book = book(Map.of(FIRST, Map.of(amersfoort, 100L, zeist, 100L)));
        var housed = new HashMap<MunicipalityCode, Map<HalfYear, Long>>();
        housed.put(amersfoort.code(), Map.of(FIRST, 130L));
        housed.put(zeist.code(), Map.of(FIRST, 60L));

        var picture = compute(LocalDate.of(2024, 7, 1), List.of(FIRST), book, housed, List.of());

        var totals = picture.nation().get(0);
        assertThat(totals.remaining()).isEqualTo(40);
        assertThat(totals.advance()).isEqualTo(30);
        assertThat(totals.housed()).isEqualTo(190);
        assertThat(totals.met()).as("Amersfoort, and Soest with nothing to house").isEqualTo(2);
    }

    @Test
    void thePaceIsMeasuredUpToTheLastReportedMonthNotUpToTheDate() {
        var book = book(Map.of(SECOND, Map.of(amersfoort, 60L)));
        var housed = housed(amersfoort, Map.of(SECOND, 40L));

        var picture = ProgressMonitor.compute(LocalDate.of(2024, 11, 28), LocalDate.of(2024, 10, 31), List.of(SECOND),
                List.of(amersfoort), book, housed, Map.of(), Set.of(), List.of());

        var current = picture.municipality(amersfoort.code()).orElseThrow().current();
        assertThat(current.expected()).as("July to October: 4 of 6 months").isEqualTo(40.0);
        assertThat(current.weeksBehind()).isZero();
        assertThat(current.colour()).isEqualTo(Colour.GREEN);
        assertThat(picture.measuredThrough()).isEqualTo(LocalDate.of(2024, 10, 31));
    }

    @Test
    void anExcusedOrMetHalfYearEndsARunOfMissedOnes() {
        var periods = List.of(FIRST, SECOND, THIRD);
        var book = book(Map.of(FIRST, Map.of(amersfoort, 10L), SECOND, Map.of(amersfoort, 10L), THIRD,
                Map.of(amersfoort, 10L)));
        var housed = housed(amersfoort, Map.of(FIRST, 0L, SECOND, 0L, THIRD, 0L));
        var date = LocalDate.of(2025, 7, 1);

        var none = ProgressMonitor.compute(date, date, periods, List.of(amersfoort), book, housed, Map.of(), Set.of(),
                List.of());
        var excusedMiddle = ProgressMonitor.compute(date, date, periods, List.of(amersfoort), book, housed, Map.of(),
                Set.of("GM0307/2024-II"), List.of());

        assertThat(none.municipality(amersfoort.code()).orElseThrow().missedInARow()).isEqualTo(3);
        assertThat(excusedMiddle.municipality(amersfoort.code()).orElseThrow().missedInARow()).isEqualTo(1);
    }

    @Test
    void anAdvanceElsewhereDoesNotMakeUpForWeeksBehind() {
        var book = book(Map.of(FIRST, Map.of(amersfoort, 182L, zeist, 182L)));
        var housed = new HashMap<MunicipalityCode, Map<HalfYear, Long>>();
        housed.put(amersfoort.code(), Map.of(FIRST, 0L));
        housed.put(zeist.code(), Map.of(FIRST, 182L));
        var date = LocalDate.of(2024, 3, 31);

        var totals = compute(date, List.of(FIRST), book, housed, List.of()).nation().get(0);

        // Amersfoort lacks 91 (half of 182) against a joint pace of 14 a week: 6.5 weeks.
        assertThat(totals.weeksBehind()).isCloseTo(6.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theBalanceAfterAnyNumberOfHalfYearsIsTheRunningSumOfQuotaMinusHoused() {
        org.quicktheories.QuickTheory.qt().withExamples(300)
                .forAll(org.quicktheories.generators.SourceDSL.lists()
                                .of(org.quicktheories.generators.SourceDSL.integers().between(0, 5_000)).ofSizeBetween(3, 10),
                        org.quicktheories.generators.SourceDSL.lists()
                                .of(org.quicktheories.generators.SourceDSL.integers().between(0, 5_000)).ofSize(10))
                .checkAssert((quotas, housedDraws) -> {
                    var periods = HalfYear.range(FIRST, FIRST).get(0);
                    var list = new java.util.ArrayList<HalfYear>();
                    for (var p = periods; list.size() < quotas.size(); p = p.next()) {
                        list.add(p);
                    }
                    var byPeriod = new java.util.LinkedHashMap<HalfYear, Map<Municipality, Long>>();
                    var housedByPeriod = new HashMap<HalfYear, Long>();
                    for (int i = 0; i < list.size(); i++) {
                        byPeriod.put(list.get(i), Map.of(amersfoort, (long) quotas.get(i)));
                        housedByPeriod.put(list.get(i), (long) housedDraws.get(i));
                    }
                    var last = list.get(list.size() - 1);
                    var date = last.end().plusDays(1);

                    var history = compute(date, list, book(byPeriod), housed(amersfoort, housedByPeriod), List.of())
                            .municipality(amersfoort.code()).orElse(null);

                    long running = 0;
                    for (int i = 0; i < list.size(); i++) {
                        var p = history == null ? null : history.history().get(i);
                        assertThat(p).isNotNull();
                        assertThat(p.carriedIn()).isEqualTo(running);
                        running += quotas.get(i) - housedDraws.get(i);
                        assertThat(p.balance()).isEqualTo(running);
                    }
                });
    }

    @Test
    void aHalfYearWhoseLastMonthIsNotReportedIsJudgedProvisionally() {
        var book = book(Map.of(FIRST, Map.of(amersfoort, 60L), SECOND, Map.of(amersfoort, 60L)));
        var housed = housed(amersfoort, Map.of(FIRST, 50L));

        var picture = ProgressMonitor.compute(LocalDate.of(2024, 7, 10), LocalDate.of(2024, 5, 31),
                List.of(FIRST, SECOND), List.of(amersfoort), book, housed, Map.of(), Set.of(), List.of());

        var first = picture.municipality(amersfoort.code()).orElseThrow().history().get(0);
        assertThat(first.complete()).as("June is not reported yet").isFalse();
        assertThat(first.expected()).isEqualTo(50.0);
        assertThat(first.colour()).isEqualTo(Colour.GREEN);
        assertThat(picture.nation().get(0).complete()).isFalse();
    }

    private ProgressPicture compute(LocalDate date, List<HalfYear> periods, Map<HalfYear, Quotas.PeriodQuotas> book,
            Map<MunicipalityCode, Map<HalfYear, Long>> housed, List<Merger> mergers) {
        return ProgressMonitor.compute(date, date, periods, List.of(amersfoort, zeist, soest), book, housed, Map.of(),
                Set.of(), mergers);
    }

    private static Colour colourIn(ProgressPicture picture, Municipality municipality, HalfYear period) {
        return picture.municipality(municipality.code()).orElseThrow().history().stream()
                .filter(p -> p.period().equals(period)).findFirst().orElseThrow().colour();
    }

    private static Map<MunicipalityCode, Map<HalfYear, Long>> housed(Municipality municipality, Map<HalfYear, Long> byPeriod) {
        var housed = new HashMap<MunicipalityCode, Map<HalfYear, Long>>();
        housed.put(municipality.code(), byPeriod);
        return housed;
    }

    private static Map<HalfYear, Quotas.PeriodQuotas> book(Map<HalfYear, Map<Municipality, Long>> quotas) {
        var book = new LinkedHashMap<HalfYear, Quotas.PeriodQuotas>();
        quotas.forEach((period, byMunicipality) -> {
            var lines = new LinkedHashMap<MunicipalityCode, QuotaLine>();
            byMunicipality.forEach((m, q) -> lines.put(m.code(), new QuotaLine(period, 1, q, 0)));
            book.put(period, new Quotas.PeriodQuotas(period, Optional.empty(), lines));
        });
        return book;
    }

    private static Municipality municipality(String code, String name) {
        return new Municipality(MunicipalityCode.of(code), name, UTRECHT_PROVINCE, "Utrecht", name, BigDecimal.TEN,
                "COA-3");
    }
}
