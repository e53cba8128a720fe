package nl.doorstroom.housingmarket.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import nl.doorstroom.housingmarket.SizeBand;
import org.junit.jupiter.api.Test;

class AllocationSimulatorTests {

    @Test
    void expectedWaitingTimeMatchesTheMm1ClosedForm() {
        // A seeded M/M/1 queue (arrivals λ = 8, service μ = 10 a week): by PASTA an arrival finds the stationary
        // number n in the system, and the engine's Little's-law estimate for it is (n + 1) / μ. Averaged over
        // arrivals it must equal the closed form 1 / (μ - λ) = 0.5 week, as must the waits actually simulated.
        double lambda = 8;
        double mu = 10;
        var random = new Random(20261129);
        var inSystem = new ArrayDeque<Double>();
        double clock = 0;
        double serverFreeAt = 0;
        double estimated = 0;
        double actual = 0;
        int arrivals = 400_000;
        for (int i = 0; i < arrivals; i++) {
            clock += -Math.log(1 - random.nextDouble()) / lambda;
            while (!inSystem.isEmpty() && inSystem.peekFirst() <= clock) {
                inSystem.pollFirst();
            }
            double departs = Math.max(clock, serverFreeAt) - Math.log(1 - random.nextDouble()) / mu;
            serverFreeAt = departs;
            inSystem.addLast(departs);
            estimated += AllocationSimulator.expectedWaitWeeks(inSystem.size(), mu);
            actual += departs - clock;
        }

        double closedForm = 1 / (mu - lambda);
        assertThat(estimated / arrivals).isCloseTo(closedForm, within(0.03 * closedForm));
        assertThat(actual / arrivals).isCloseTo(closedForm, within(0.03 * closedForm));
    }

    @Test
    void fluidQueueFollowsArrivalsMinusServiceAndLittlesLaw() {
        // 1,000 seekers, 6 join and 4 are served a week: after t weeks 1,000 + 2t wait, each for (1,000 + 2t) / 4 weeks.
        var input = input(26, Map.of(SizeBand.MEDIUM, 4.0), 0, 0, households(), 1000, 6.0);

        var simulation = AllocationSimulator.run(input);

        for (var week : simulation.weeks()) {
            double queue = 1000 + 2.0 * week.week();
            assertThat(week.queue()).isCloseTo(queue, within(1e-9));
            assertThat(week.waitMonths()).isCloseTo(queue / 4 * 12 / 52, within(1e-9));
        }
    }

    @Test
    void steadyStateKeepsTheListAsItIsAtTheCurrentShare() {
        var input = input(26, Map.of(SizeBand.SMALL, 3.0, SizeBand.MEDIUM, 2.0), 0.2, 0.2, households(2, 1000.0),
                2500, null);

        var simulation = AllocationSimulator.run(input);

        assertThat(simulation.last().queue()).isCloseTo(2500, within(1e-9));
        assertThat(simulation.last().waitMonths()).isCloseTo(2500 / 4.0 * 12 / 52, within(1e-9));
    }

    @Test
    void zeroShareLeavesTheRegularQueueAsWithoutPermitHolders() {
        var vacancies = Map.of(SizeBand.SMALL, 5.0, SizeBand.MEDIUM, 3.0, SizeBand.LARGE, 1.0);
        var withHouseholds = input(40, vacancies, 0, 0.25, households(2, 30.0, 5, 12.0), 3000, 9.0);
        var withoutAnyone = input(40, vacancies, 0.3, 0.25, households(), 3000, 9.0);

        var zeroShare = AllocationSimulator.run(withHouseholds);
        var nobodyWaiting = AllocationSimulator.run(withoutAnyone);

        assertThat(zeroShare.last().housedPersons()).isZero();
        for (int i = 0; i < 40; i++) {
            assertThat(zeroShare.weeks().get(i).queue()).isEqualTo(nobodyWaiting.weeks().get(i).queue());
            assertThat(zeroShare.weeks().get(i).toRegular()).isEqualTo(9.0);
        }
        assertThat(nobodyWaiting.offeredWithoutTaker().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(0.3 * 9 * 40, within(1e-9));
    }

    @Test
    void fullShareHousesAtTheVacancyRateOfFittingHomes() {
        // Two large homes a week fit families of six; the three small ones do not and go to regular seekers.
        var input = input(10, Map.of(SizeBand.SMALL, 3.0, SizeBand.LARGE, 2.0), 1, 0.2, households(6, 100.0), 500,
                null);

        var simulation = AllocationSimulator.run(input);

        assertThat(simulation.last().housedHouseholds()).isCloseTo(20, within(1e-9));
        assertThat(simulation.last().housedPersons()).isCloseTo(120, within(1e-9));
        assertThat(simulation.weeks()).allSatisfy(w -> assertThat(w.toRegular()).isCloseTo(3, within(1e-9)));
        assertThat(simulation.offeredWithoutTaker().get(SizeBand.SMALL)).isCloseTo(30, within(1e-9));
    }

    @Test
    void onlySmallHomesHouseNoFamilyOfSix() {
        var input = input(26, Map.of(SizeBand.SMALL, 10.0), 1, 0.2, households(6, 50.0), 500, null);

        var simulation = AllocationSimulator.run(input);

        assertThat(simulation.last().housedPersons()).isZero();
        assertThat(simulation.totalToRegular()).isCloseTo(260, within(1e-9));
        var needed = NeededShare.of(input.withHouseholds(households(6, 50.0), households()));
        assertThat(needed.share()).isNull();
        assertThat(needed.limit()).isEqualTo(NeededShare.Limit.HOMES);
        assertThat(needed.scarceBand()).isEqualTo(SizeBand.LARGE);
    }

    @Test
    void largeHomesGoToTheLargestHouseholdsFirst() {
        var input = input(1, Map.of(SizeBand.LARGE, 1.0, SizeBand.SMALL, 1.0), 1, 0.2, households(1, 1.0, 5, 1.0),
                10, null);

        var simulation = AllocationSimulator.run(input);

        assertThat(simulation.last().housedPersons()).isCloseTo(6, within(1e-9));
        assertThat(simulation.leftAwaiting()).isEmpty();
    }

    @Test
    void neededShareIsTheSmallestThatMeetsTheQuota() {
        // Ten medium homes a week for ten weeks and plenty of families of four: 40 persons need a share just under 10%.
        var input = new SimulationInput(10, Map.of(SizeBand.MEDIUM, 10.0), Map.of(), 0.05, 0.05, households(4, 500.0),
                households(), 40, 0, 10, 1000, null);

        var needed = NeededShare.of(input);

        assertThat(needed.limit()).isEqualTo(NeededShare.Limit.NONE);
        assertThat(needed.share()).isBetween(0.098, 0.1);
        assertThat(AllocationSimulator.run(input.withShare(needed.share())).last().shortfall()).isLessThan(0.5);
        assertThat(AllocationSimulator.run(input.withShare(needed.share() - 0.002)).last().shortfall())
                .isGreaterThanOrEqualTo(0.5);
        assertThat(needed.shortfallAtCurrent()).isCloseTo(20, within(1e-9));
    }

    @Test
    void tooFewLinkedHouseholdsCannotMeetTheQuota() {
        var input = new SimulationInput(10, Map.of(SizeBand.MEDIUM, 10.0), Map.of(), 0.05, 0.05, households(3, 5.0),
                households(), 40, 0, 10, 1000, null);

        var needed = NeededShare.of(input);

        assertThat(needed.share()).isNull();
        assertThat(needed.limit()).isEqualTo(NeededShare.Limit.LINKED_HOUSEHOLDS);
        assertThat(needed.shortfallAtFull()).isCloseTo(25, within(1e-9));
    }

    @Test
    void everyHomeGoesToExactlyOneHousehold() {
        var random = new Random(9);
        for (int trial = 0; trial < 500; trial++) {
            var input = randomInput(random);

            var simulation = AllocationSimulator.run(input);

            for (var week : simulation.weeks()) {
                double expected = 0;
                for (var band : SizeBand.values()) {
                    expected += input.homesPerWeek(band);
                }
                assertThat(week.toPermitHolders()).isGreaterThanOrEqualTo(0);
                assertThat(week.toRegular()).isGreaterThanOrEqualTo(0);
                assertThat(week.toPermitHolders() + week.toRegular()).isCloseTo(expected, within(1e-9 * (1 + expected)));
                assertThat(week.homes()).isCloseTo(expected, within(1e-9 * (1 + expected)));
            }
            assertThat(simulation.last().housedHouseholds()).isCloseTo(simulation.totalToPermitHolders(),
                    within(1e-6));
            double linked = input.awaiting().values().stream().mapToDouble(Double::doubleValue).sum()
                    + input.weeks() * input.newLinksPerWeek().values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(simulation.last().housedHouseholds() + simulation.last().awaitingHouseholds())
                    .isCloseTo(linked, within(1e-6 * (1 + linked)));
        }
    }

    @Test
    void aHigherShareNeverRaisesTheShortfallNorShortensTheWait() {
        var random = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            var input = randomInput(random);
            double lower = random.nextDouble();
            double higher = lower + (1 - lower) * random.nextDouble();

            var low = AllocationSimulator.run(input.withShare(lower));
            var high = AllocationSimulator.run(input.withShare(higher));

            for (int i = 0; i < input.weeks(); i++) {
                var l = low.weeks().get(i);
                var h = high.weeks().get(i);
                assertThat(h.shortfall()).as("trial %d week %d", trial, i + 1).isLessThanOrEqualTo(l.shortfall() + 1e-9);
                assertThat(h.housedPersons()).isGreaterThanOrEqualTo(l.housedPersons() - 1e-9);
                assertThat(h.queue()).isGreaterThanOrEqualTo(l.queue() - 1e-9);
                if (l.waitMonths() != null && h.waitMonths() != null) {
                    assertThat(h.waitMonths()).as("trial %d week %d", trial, i + 1)
                            .isGreaterThanOrEqualTo(l.waitMonths() - 1e-9);
                }
            }
        }
    }

    @Test
    void sensitivityMovesWhatMattersAndNotWhatIsAbsent() {
        var input = new SimulationInput(20, Map.of(SizeBand.SMALL, 4.0, SizeBand.MEDIUM, 3.0, SizeBand.LARGE, 0.5),
                Map.of(), 0.3, 0.2, households(2, 40.0, 4, 20.0, 6, 10.0), households(3, 1.0), 300, 20, 20, 4000, null);

        var swings = Sensitivity.of(input);

        assertThat(swings).hasSize(Sensitivity.Factor.values().length);
        var byFactor = new EnumMap<Sensitivity.Factor, Sensitivity.Swing>(Sensitivity.Factor.class);
        swings.forEach(s -> byFactor.put(s.factor(), s));
        assertThat(byFactor.get(Sensitivity.Factor.EXTRA_HOMES).shortfallSwing()).isZero();
        assertThat(byFactor.get(Sensitivity.Factor.VACANCIES).shortfallLow())
                .isGreaterThan(byFactor.get(Sensitivity.Factor.VACANCIES).shortfallHigh());
        assertThat(byFactor.get(Sensitivity.Factor.SHARE).extraWaitHigh())
                .isGreaterThan(byFactor.get(Sensitivity.Factor.SHARE).extraWaitLow());
        assertThat(byFactor.get(Sensitivity.Factor.NEW_SEEKERS).extraWaitSwing()).isGreaterThan(0);
        for (int i = 1; i < swings.size(); i++) {
            assertThat(swings.get(i - 1).shortfallSwing()).isGreaterThanOrEqualTo(swings.get(i).shortfallSwing());
        }
    }

    @Test
    void comparisonReportsExtraWaitAgainstTheCurrentShare() {
        var input = new SimulationInput(26, Map.of(SizeBand.SMALL, 4.0, SizeBand.MEDIUM, 3.0, SizeBand.LARGE, 1.0),
                Map.of(), 0.2, 0.2, households(2, 40.0, 4, 40.0, 6, 20.0), households(), 400, 0, 26, 4000, null);

        var comparison = Comparison.of(input, java.util.List.of(0.4, 0.2, 0.3));

        assertThat(comparison.runs()).extracting(Comparison.Run::share).containsExactly(0.2, 0.3, 0.4);
        assertThat(comparison.runs().get(0).extraWaitAtEnd()).isCloseTo(0, within(1e-9));
        assertThat(comparison.runs().get(2).extraWaitAtEnd()).isGreaterThan(comparison.runs().get(1).extraWaitAtEnd());
        assertThat(comparison.runs().get(2).shortfallAtEnd()).isLessThan(comparison.runs().get(0).shortfallAtEnd());
    }

    @Test
    void extraHomesShortenTheWaitAgainstTodaysSituation() {
        // At the current share, two extra medium homes a week only help regular seekers: measured against today
        // (current share, no extra homes) the extra waiting time must be negative, not zero.
        var input = new SimulationInput(26, Map.of(SizeBand.SMALL, 4.0, SizeBand.MEDIUM, 3.0), Map.of(SizeBand.MEDIUM, 2.0),
                0.2, 0.2, households(2, 40.0), households(), 400, 0, 26, 4000, null);

        var comparison = Comparison.of(input, java.util.List.of(0.2));

        assertThat(comparison.runs().get(0).extraWaitAtEnd()).isNegative();
        var extraHomes = Sensitivity.of(input).stream().filter(s -> s.factor() == Sensitivity.Factor.EXTRA_HOMES)
                .findFirst().orElseThrow();
        assertThat(extraHomes.extraWaitHigh()).isLessThan(extraHomes.extraWaitLow());
    }

    static SimulationInput randomInput(Random random) {
        var vacancies = new EnumMap<SizeBand, Double>(SizeBand.class);
        var extra = new EnumMap<SizeBand, Double>(SizeBand.class);
        for (var band : SizeBand.values()) {
            vacancies.put(band, random.nextInt(4) == 0 ? 0 : random.nextDouble() * 20);
            extra.put(band, random.nextInt(3) == 0 ? random.nextDouble() * 3 : 0);
        }
        var awaiting = new TreeMap<Integer, Double>();
        var links = new TreeMap<Integer, Double>();
        int sizes = random.nextInt(6);
        for (int i = 0; i < sizes; i++) {
            int persons = 1 + random.nextInt(9);
            awaiting.merge(persons, (double) random.nextInt(60), Double::sum);
            if (random.nextBoolean()) {
                links.merge(persons, random.nextDouble() * 3, Double::sum);
            }
        }
        double current = random.nextDouble() * 0.5;
        Double arrivals = random.nextBoolean() ? null : random.nextDouble() * 30;
        return new SimulationInput(1 + random.nextInt(60), vacancies, extra, random.nextDouble(), current, awaiting, links,
                random.nextInt(800), random.nextInt(100), random.nextInt(30), random.nextInt(5000), arrivals);
    }

    static SimulationInput input(int weeks, Map<SizeBand, Double> vacancies, double share, double current,
            SortedMap<Integer, Double> awaiting, double seekers, Double arrivals) {
        return new SimulationInput(weeks, vacancies, Map.of(), share, current, awaiting, households(), 100, 0, weeks,
                seekers, arrivals);
    }

    static SortedMap<Integer, Double> households(Object... sizeAndCount) {
        var map = new TreeMap<Integer, Double>();
        for (int i = 0; i < sizeAndCount.length; i += 2) {
            map.put((Integer) sizeAndCount[i], (Double) sizeAndCount[i + 1]);
        }
        return map;
    }
}
