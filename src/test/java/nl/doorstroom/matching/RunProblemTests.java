package nl.doorstroom.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;

import nl.doorstroom.matching.LinkProposal.UnlinkedReason;
import nl.doorstroom.matching.engine.LinkingEngine;
import nl.doorstroom.permitholders.FirmCriterion;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

class RunProblemTests {

    static final LocalDate RUN = LocalDate.of(2026, 11, 29);

    static MunicipalityCode code(int i) {
        return MunicipalityCode.of(String.format("GM%04d", i + 1));
    }

    static RunMunicipality municipality(int i, String region, long capacity) {
        return new RunMunicipality(code(i), region, capacity, 0, 0, 0, capacity, new int[7], 0);
    }

    static RunHousehold household(long id, int persons, String region, FirmCriterion... criteria) {
        return new RunHousehold(id, 0, "REF-" + id, persons, 0, RUN.minusDays(id), code(0), region, List.of(criteria),
                (int) id);
    }

    @Test
    void householdsAreLinkedOnlyInsideTheirRegionOrWhereTheirCriterionPoints() {
        var municipalities = List.of(municipality(0, "A", 10), municipality(1, "A", 10), municipality(2, "B", 10));
        var plain = household(1, 2, "A");
        var working = household(2, 2, "A", new FirmCriterion(FirmCriterion.Kind.WORK, code(2), 12));

        var problem = new RunProblem(List.of(plain, working), municipalities, LinkingWeights.DEFAULT, RUN, c -> Set.of());

        assertThat(problem.options(0)).extracting(RunProblem.Option::municipality).containsExactlyInAnyOrder(code(0), code(1));
        assertThat(problem.options(1)).extracting(RunProblem.Option::municipality).containsExactly(code(2));
    }

    @Test
    void unlinkedHouseholdsSayWhyNoMunicipalityNoRoomAtAllOrRoomTakenByOthers() {
        var municipalities = List.of(municipality(0, "A", 3), municipality(1, "B", 0));
        var gone = household(1, 1, "A", new FirmCriterion(FirmCriterion.Kind.RELATIVE, MunicipalityCode.of("GM9999"), null));
        var noRoom = household(2, 2, "B");
        var first = household(3, 3, "A");
        var second = household(4, 2, "A");

        var problem = new RunProblem(List.of(gone, noRoom, first, second), municipalities, LinkingWeights.DEFAULT, RUN,
                c -> Set.of());
        var outcomes = problem.outcomes(LinkingEngine.solve(problem.instance(), 1));

        assertThat(outcomes.get(0).unlinkedReason()).isEqualTo(UnlinkedReason.NO_ALLOWED);
        assertThat(outcomes.get(1).unlinkedReason()).isEqualTo(UnlinkedReason.NO_CAPACITY);
        assertThat(outcomes.get(2).municipality()).isEqualTo(code(0));
        assertThat(outcomes.get(3).unlinkedReason()).isEqualTo(UnlinkedReason.CAPACITY_TAKEN);
        assertThat(outcomes.get(3).alternative()).isEqualTo(code(0));
        assertThat(outcomes.get(3).alternativeHadRoom()).isFalse();
    }

    @Test
    void onRandomRunsProposalsStayWithinCapacityAndTheirScoresAddUpToTheObjective() {
        var random = new Random(20261129);
        for (int trial = 0; trial < 30; trial++) {
            var municipalities = new ArrayList<RunMunicipality>();
            int count = 3 + random.nextInt(8);
            for (int m = 0; m < count; m++) {
                municipalities.add(municipality(m, m % 2 == 0 ? "A" : "B", random.nextInt(15)));
            }
            var households = new ArrayList<RunHousehold>();
            for (int h = 0; h < 5 + random.nextInt(40); h++) {
                var criteria = random.nextInt(5) == 0
                        ? new FirmCriterion[] {new FirmCriterion(FirmCriterion.Kind.MEDICAL, code(random.nextInt(count)), null)}
                        : new FirmCriterion[0];
                households.add(household(h + 1, 1 + random.nextInt(6), random.nextBoolean() ? "A" : "B", criteria));
            }
            var problem = new RunProblem(households, municipalities, LinkingWeights.DEFAULT, RUN, c -> Set.of());

            var solution = LinkingEngine.solve(problem.instance(), 0.2);
            var outcomes = problem.outcomes(solution);

            var used = new HashMap<MunicipalityCode, Long>();
            long objective = 0;
            for (int h = 0; h < outcomes.size(); h++) {
                var outcome = outcomes.get(h);
                if (outcome.municipality() != null) {
                    used.merge(outcome.municipality(), (long) households.get(h).persons(), Long::sum);
                    objective += outcome.parts().total();
                    var allowed = problem.options(h).stream().map(RunProblem.Option::municipality).toList();
                    assertThat(allowed).contains(outcome.municipality());
                    assertThat(outcome.unlinkedReason()).isNull();
                }
                else {
                    assertThat(outcome.unlinkedReason()).isNotNull();
                }
            }
            for (var m : municipalities) {
                assertThat(used.getOrDefault(m.code(), 0L)).isLessThanOrEqualTo(m.capacity());
            }
            assertThat(objective).isEqualTo(solution.objective()).isLessThanOrEqualTo(solution.bound());
        }
    }
}
