package nl.doorstroom.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;

class EscalationLadderTests {

    static final ProvinceCode UTRECHT = ProvinceCode.of("PV26");

    static EscalationLadder ladder() {
        return EscalationLadder.defaultFor(UTRECHT);
    }

    @Test
    void theDefaultLadderRunsFromSignalToSubstitutionCarriedOut() {
        var kinds = ladder().steps().stream().map(LadderStep::kind).toList();

        assertThat(kinds).containsExactly(StepKind.SIGNAL, StepKind.OFFICIAL_TALKS, StepKind.ADMINISTRATIVE_TALKS,
                StepKind.WARNING, StepKind.SUBSTITUTION_DECISION, StepKind.SUBSTITUTION_CARRIED_OUT);
        assertThat(ladder().steps()).allSatisfy(s -> assertThat(s.termDays()).isPositive());
        assertThat(ladder().isDefault()).isTrue();
    }

    @Test
    void onlyTheNextStepUpIsNotAJump() {
        var ladder = ladder();

        assertThat(ladder.isJump("SIGNAL", "OFFICIAL_TALKS")).isFalse();
        assertThat(ladder.isJump("SIGNAL", "ADMINISTRATIVE_TALKS")).isTrue();
        assertThat(ladder.isJump("WARNING", "OFFICIAL_TALKS")).isTrue();
        assertThat(ladder.isJump("SUBSTITUTION_CARRIED_OUT", "SIGNAL")).isTrue();
    }

    @Test
    void aStepTheLadderNoLongerHasMakesEveryMoveAJump() {
        assertThat(ladder().isJump("OTHER-7", "SIGNAL")).isTrue();
        assertThat(ladder().after("OTHER-7")).isEmpty();
    }

    @Test
    void aProvinceMayInsertAStepOfItsOwn() {
        var steps = new ArrayList<>(ladder().steps());
        steps.add(2, new LadderStep(null, StepKind.OTHER, "Tweede ambtelijk overleg", 21));

        assertThat(EscalationLadder.problemsOf(steps, 4)).isEmpty();
    }

    @Test
    void aStepOfItsOwnNeedsAName() {
        var steps = List.of(LadderStep.standard(StepKind.SIGNAL), new LadderStep(null, StepKind.OTHER, " ", 10));

        assertThat(EscalationLadder.problemsOf(steps, null)).extracting(Problem::row, Problem::field, Problem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "name", "supervision.ladder.nameRequired"));
    }

    @Test
    void stepsWithALegalMeaningComeOnceAndInTheirOrder() {
        var twice = List.of(LadderStep.standard(StepKind.SIGNAL), LadderStep.standard(StepKind.SIGNAL));
        var reversed = List.of(LadderStep.standard(StepKind.WARNING), LadderStep.standard(StepKind.OFFICIAL_TALKS));

        assertThat(EscalationLadder.problemsOf(twice, null)).extracting(Problem::messageKey)
                .containsExactly("supervision.ladder.kindTwice");
        assertThat(EscalationLadder.problemsOf(reversed, null)).extracting(Problem::row, Problem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "supervision.ladder.kindOrder"));
    }

    @Test
    void substitutionIsCarriedOutOnlyAfterADecision() {
        var steps = List.of(LadderStep.standard(StepKind.WARNING), LadderStep.standard(StepKind.SUBSTITUTION_CARRIED_OUT));

        assertThat(EscalationLadder.problemsOf(steps, null)).extracting(Problem::messageKey)
                .containsExactly("supervision.ladder.decisionFirst");
    }

    @Test
    void termsAndThePolicyStayInRange() {
        var steps = List.of(new LadderStep(null, StepKind.SIGNAL, null, 0), new LadderStep(null, StepKind.WARNING, null, 3651));

        assertThat(EscalationLadder.problemsOf(steps, 0)).extracting(Problem::field)
                .containsExactly("term", "term", "openAfterMissed");
        assertThat(EscalationLadder.problemsOf(List.of(), null)).extracting(Problem::field).containsExactly("steps");
    }

    @Test
    void aStepWithoutATermIsAllowed() {
        var steps = List.of(new LadderStep(null, StepKind.SIGNAL, null, null));

        assertThat(EscalationLadder.problemsOf(steps, null)).isEmpty();
    }
}
