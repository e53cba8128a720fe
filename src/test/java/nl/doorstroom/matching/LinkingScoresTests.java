package nl.doorstroom.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import nl.doorstroom.permitholders.FirmCriterion;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

class LinkingScoresTests {

    static final LocalDate RUN = LocalDate.of(2026, 11, 29);
    static final MunicipalityCode AMERSFOORT = MunicipalityCode.of("GM0307");
    static final MunicipalityCode LEUSDEN = MunicipalityCode.of("GM0327");
    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");
    static final Map<MunicipalityCode, Set<MunicipalityCode>> NEIGHBOURS = Map.of(AMERSFOORT, Set.of(LEUSDEN),
            LEUSDEN, Set.of(AMERSFOORT), UTRECHT, Set.of());

    static RunHousehold household(int persons, int children, int daysWaiting, FirmCriterion... criteria) {
        return new RunHousehold(1, 0, "REF", persons, children, RUN.minusDays(daysWaiting), AMERSFOORT, "COA-3",
                List.of(criteria), 0);
    }

    static RunMunicipality municipality(MunicipalityCode code, long correctedQuota, long largePersons, int... rooms) {
        var byRooms = new int[7];
        for (int r = 0; r < rooms.length; r++) {
            byRooms[r + 1] = rooms[r];
        }
        return new RunMunicipality(code, "COA-3", correctedQuota, 0, 0, 0, correctedQuota, byRooms, largePersons);
    }

    static LinkingScores scores(LinkingWeights weights, RunMunicipality... municipalities) {
        return new LinkingScores(weights, RUN, List.of(municipalities), code -> NEIGHBOURS.getOrDefault(code, Set.of()));
    }

    @Test
    void eachPersonLeavingReceptionAndEachDayWaitedUpToAYearCount() {
        var amersfoort = municipality(AMERSFOORT, 100, 0);
        var scores = scores(new LinkingWeights(10, 10, 0, 0, 0, 0), amersfoort);

        var halfYear = scores.score(household(3, 0, 365 / 2), amersfoort);
        var twoYears = scores.score(household(3, 0, 730), amersfoort);

        assertThat(halfYear.base()).isEqualTo(30);
        assertThat(halfYear.waiting()).isEqualTo(15);
        assertThat(twoYears.waiting()).isEqualTo(30);
    }

    @Test
    void theDwellingFitIsTheShareOfOfferedHomesWithEnoughRoomsOrTheRunsShareWhenFewWereOffered() {
        // Amersfoort offered 10 homes, 4 of them with 4 rooms or more; Leusden only 2 (fewer than 5).
        var amersfoort = municipality(AMERSFOORT, 100, 0, 0, 3, 3, 4);
        var leusden = municipality(LEUSDEN, 100, 0, 0, 2);
        var scores = scores(new LinkingWeights(0, 0, 10, 0, 0, 0), amersfoort, leusden);

        var familyOfFive = household(5, 0, 0);

        assertThat(LinkingScores.roomsNeeded(5)).isEqualTo(4);
        assertThat(scores.score(familyOfFive, amersfoort).dwelling()).isEqualTo(20); // 10 × 5 × 4/10
        assertThat(scores.score(familyOfFive, leusden).dwelling()).isEqualTo(17); // 10 × 5 × 4/12 over the run
    }

    @Test
    void workTiesAndSchoolChildrenScoreInTheirMunicipalityAndHalfInANeighbour() {
        var amersfoort = municipality(AMERSFOORT, 100, 0);
        var leusden = municipality(LEUSDEN, 100, 0);
        var utrecht = municipality(UTRECHT, 100, 0);
        var scores = scores(new LinkingWeights(0, 0, 0, 10, 6, 0), amersfoort, leusden, utrecht);
        var working = household(2, 0, 0, new FirmCriterion(FirmCriterion.Kind.WORK, AMERSFOORT, 16));
        var withChildren = household(4, 2, 0);

        assertThat(scores.score(working, amersfoort).ties()).isEqualTo(20);
        assertThat(scores.score(working, leusden).ties()).isEqualTo(10);
        assertThat(scores.score(working, utrecht).ties()).isZero();
        assertThat(scores.score(withChildren, amersfoort).school()).isEqualTo(12);
        assertThat(scores.score(withChildren, leusden).school()).isEqualTo(6);
        assertThat(scores.score(withChildren, utrecht).school()).isZero();
    }

    @Test
    void largeHouseholdsScoreLessWhereLargeHouseholdsAlreadyTookMuchOfTheQuota() {
        var fresh = municipality(AMERSFOORT, 100, 0);
        var quarter = municipality(LEUSDEN, 100, 25);
        var half = municipality(UTRECHT, 100, 50);
        var scores = scores(new LinkingWeights(0, 0, 0, 0, 0, 10), fresh, quarter, half);

        assertThat(scores.score(household(6, 0, 0), fresh).spreading()).isEqualTo(60);
        assertThat(scores.score(household(6, 0, 0), quarter).spreading()).isEqualTo(30);
        assertThat(scores.score(household(6, 0, 0), half).spreading()).isZero();
        assertThat(scores.score(household(4, 0, 0), fresh).spreading()).as("not a large household").isZero();
    }

    @Test
    void thePartsAlwaysAddUpToTheScoreAndAZeroWeightGivesAZeroPart() {
        var random = new Random(20261129);
        var codes = List.of(AMERSFOORT, LEUSDEN, UTRECHT);
        for (int run = 0; run < 500; run++) {
            var municipalities = new ArrayList<RunMunicipality>();
            for (var code : codes) {
                municipalities.add(municipality(code, random.nextInt(500), random.nextInt(200), random.nextInt(5),
                        random.nextInt(5), random.nextInt(5), random.nextInt(5), random.nextInt(5), random.nextInt(5)));
            }
            var weights = new LinkingWeights(random.nextInt(101), random.nextInt(101), random.nextInt(101),
                    random.nextInt(101), random.nextInt(101), random.nextBoolean() ? 0 : random.nextInt(101));
            var scores = scores(weights, municipalities.toArray(RunMunicipality[]::new));
            var criteria = random.nextBoolean() ? new FirmCriterion[0]
                    : new FirmCriterion[] {new FirmCriterion(FirmCriterion.Kind.EDUCATION, codes.get(random.nextInt(3)), null)};
            int persons = 1 + random.nextInt(9);
            var household = household(persons, random.nextInt(persons), random.nextInt(1000), criteria);

            for (var municipality : municipalities) {
                var parts = scores.score(household, municipality);

                assertThat(parts.byCriterion().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(parts.total());
                assertThat(parts.byCriterion().values()).allSatisfy(p -> assertThat(p).isNotNegative());
                weights.byCriterion().forEach((name, weight) -> {
                    if (weight == 0) {
                        assertThat(parts.byCriterion().get(name)).as(name).isZero();
                    }
                });
            }
        }
    }
}
