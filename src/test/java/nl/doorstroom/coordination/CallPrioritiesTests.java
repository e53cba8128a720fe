package nl.doorstroom.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import nl.doorstroom.coordination.Commitment.Status;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

class CallPrioritiesTests {

    static final CallPolicy POLICY = CallPolicy.DEFAULT;

    /** A municipality with 20% of a corrected quota of 200 housed, 10 weeks behind, no commitment ever. */
    static CallSituation behind(String name) {
        return new CallSituation(MunicipalityCode.of("GM0001"), name, "Utrecht", 200, 40, 160, 20.0, 10, List.of(),
                null, false, 0, 0, null, null);
    }

    static CallSituation with(CallSituation s, List<Status> decided, Integer weeksSince, boolean rising, long sites,
            int open) {
        return new CallSituation(s.code(), s.name(), s.province(), s.correctedQuota(), s.housed(), s.shortfall(),
                s.realisationPercent(), s.weeksBehind(), decided, weeksSince, rising, sites, open, s.escalationStep(), s.effortIndex());
    }

    static int points(CallSituation s) {
        return CallPriorities.of(s, POLICY).points();
    }

    @Test
    void aMunicipalityBehindThatKeptItsLastTwoCommitmentsRanksBelowOneBehindThatKeptNone() {
        var keeper = with(behind("Keeper"), List.of(Status.KEPT, Status.KEPT), 2, false, 0, 0);
        var breaker = with(behind("Breaker"), List.of(Status.NOT_KEPT, Status.NOT_KEPT), 2, false, 0, 0);

        var ranked = CallPriorities.rank(List.of(keeper, breaker), POLICY);

        assertThat(ranked).extracting(CallPriority::name).containsExactly("Breaker", "Keeper");
        assertThat(points(breaker) - points(keeper)).isEqualTo(2 * POLICY.notKeptPoints() + 2 * POLICY.keptPoints());
    }

    @Test
    void farBelowThirtyPercentRanksAboveJustMissingWithRisingRealisationAndTemporaryPlaces() {
        var farBehind = behind("Ver achter");
        var justMissing = with(new CallSituation(MunicipalityCode.of("GM0002"), "Net niet", "Utrecht", 200, 180, 20, 90.0,
                1, List.of(Status.KEPT), 1, true, 30, 1, null, null), List.of(Status.KEPT), 1, true, 30, 1);

        var ranked = CallPriorities.rank(List.of(justMissing, farBehind), POLICY);

        assertThat(ranked).extracting(CallPriority::name).containsExactly("Ver achter", "Net niet");
        assertThat(points(justMissing)).isNegative();
        assertThat(CallPriorities.of(farBehind, POLICY).reasons()).extracting(CallPriority.Reason::messageKey)
                .containsExactly("coordination.reason.behind", "coordination.reason.weeksBehind",
                        "coordination.reason.shortfall", "coordination.reason.neverCommitted");
    }

    @Test
    void noRecentCommitmentCountsOnlyAfterTheQuietWeeks() {
        var recent = with(behind("Recent"), List.of(), POLICY.quietWeeks() - 1, false, 0, 0);
        var quiet = with(behind("Stil"), List.of(), POLICY.quietWeeks(), false, 0, 0);

        assertThat(points(quiet) - points(recent)).isEqualTo(POLICY.quietPoints());
    }

    @Test
    void aMunicipalityWithoutShortfallIsNotOnTheList() {
        var done = new CallSituation(MunicipalityCode.of("GM0003"), "Klaar", "Utrecht", 200, 210, 0, 105.0, 0, List.of(),
                null, false, 0, 0, null, null);

        assertThat(CallPriorities.rank(List.of(done), POLICY)).isEmpty();
    }

    @Test
    void theReasonsShownAlwaysAddUpToTheRankAndTheListIsOrderedByIt() {
        var random = new Random(20261129);
        var situations = new ArrayList<CallSituation>();
        for (int i = 0; i < 300; i++) {
            long quota = random.nextInt(800);
            long housed = random.nextInt(900);
            var decided = new ArrayList<Status>();
            for (int d = random.nextInt(4); d > 0; d--) {
                decided.add(List.of(Status.KEPT, Status.PARTLY_KEPT, Status.NOT_KEPT).get(random.nextInt(3)));
            }
            situations.add(new CallSituation(MunicipalityCode.of(String.format("GM%04d", i)), "M" + i, "P",
                    quota, housed, Math.max(0, quota - housed), quota == 0 ? null : 100.0 * housed / quota,
                    random.nextDouble() * 20, decided, random.nextBoolean() ? null : random.nextInt(20),
                    random.nextBoolean(), random.nextInt(3) == 0 ? random.nextInt(100) : 0, random.nextInt(3),
                    random.nextInt(4) == 0 ? nl.doorstroom.supervision.StepKind.values()[random.nextInt(7)] : null,
                    random.nextInt(3) == 0 ? random.nextInt(200) : null));
        }

        var ranked = CallPriorities.rank(situations, POLICY);

        for (var priority : ranked) {
            assertThat(priority.points()).isEqualTo(priority.reasons().stream().mapToInt(CallPriority.Reason::points).sum());
            assertThat(priority.reasons()).allSatisfy(r -> assertThat(r.points()).isNotZero());
        }
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(ranked.get(i - 1).points()).isGreaterThanOrEqualTo(ranked.get(i).points());
        }
        assertThat(ranked).allSatisfy(p -> assertThat(p.shortfall()).isPositive());
    }

    @Test
    void anOpenSupervisionCaseCountsItsPointsAndNamesItsStep() {
        var plain = behind("Zonder zaak");
        var escalated = new CallSituation(plain.code(), plain.name(), plain.province(), plain.correctedQuota(),
                plain.housed(), plain.shortfall(), plain.realisationPercent(), plain.weeksBehind(), plain.lastDecided(),
                plain.weeksSinceCommitment(), plain.rising(), plain.sitePlaces(), plain.openCommitments(),
                nl.doorstroom.supervision.StepKind.WARNING, null);

        var priority = CallPriorities.of(escalated, POLICY);

        assertThat(priority.points()).isEqualTo(points(plain) + POLICY.escalationPoints());
        assertThat(priority.reasons()).anySatisfy(r -> assertThat(r.messageKey())
                .isEqualTo("coordination.reason.escalation.WARNING"));
    }

    @Test
    void aMunicipalityCarryingItsShareInTheWholePictureMovesDown() {
        var plain = behind("Draagt veel");
        var carrying = new CallSituation(plain.code(), plain.name(), plain.province(), plain.correctedQuota(),
                plain.housed(), plain.shortfall(), plain.realisationPercent(), plain.weeksBehind(), plain.lastDecided(),
                plain.weeksSinceCommitment(), plain.rising(), plain.sitePlaces(), plain.openCommitments(), null,
                POLICY.effortThreshold());
        var below = new CallSituation(plain.code(), plain.name(), plain.province(), plain.correctedQuota(),
                plain.housed(), plain.shortfall(), plain.realisationPercent(), plain.weeksBehind(), plain.lastDecided(),
                plain.weeksSinceCommitment(), plain.rising(), plain.sitePlaces(), plain.openCommitments(), null,
                POLICY.effortThreshold() - 1);

        assertThat(points(carrying)).isEqualTo(points(plain) - POLICY.effortPoints());
        assertThat(points(below)).isEqualTo(points(plain));
    }
}
