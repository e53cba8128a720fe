package nl.doorstroom.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CasePolicyTests {

    static final LocalDate CUT_OFF = LocalDate.of(2026, 7, 1);

    static EscalationCase closed(LocalDate on, EscalationCase.Closure closure, LocalDate commitmentDue) {
        var c = CaseFixtures.walked(1, on.minusDays(100), 20, on, StepKind.SIGNAL, StepKind.OFFICIAL_TALKS);
        var commitment = closure == EscalationCase.Closure.COMMITTED
                ? new EscalationCase.Commitment("20 plaatsen", 20, commitmentDue, on, "college") : null;
        return new EscalationCase(c.id(), c.municipality(), c.municipalityName(), c.province(), c.provinceName(),
                c.openedOn(), c.reason(), null, c.openedBy(), c.status(), c.closedOn(), closure, null, commitment, c.steps(),
                c.courseOfAction(), c.costs(), c.ministerRequests(), c.documents(), false, 1);
    }

    @Test
    void anOpenCaseDealsWithTheMunicipality() {
        var open = CaseFixtures.walked(1, CUT_OFF.minusDays(10), 0, null, StepKind.SIGNAL);

        assertThat(CasePolicy.dealtWith(open, CUT_OFF, CUT_OFF.plusDays(5))).isTrue();
    }

    @Test
    void aCaseClosedAfterTheLastCutOffDealtWithThisRunOfMissedHalfYears() {
        assertThat(CasePolicy.dealtWith(closed(CUT_OFF, EscalationCase.Closure.COMPLIES, null), CUT_OFF, CUT_OFF.plusDays(5)))
                .isTrue();
        assertThat(CasePolicy.dealtWith(closed(CUT_OFF.minusDays(1), EscalationCase.Closure.COMPLIES, null), CUT_OFF,
                CUT_OFF.plusDays(5))).isFalse();
    }

    @Test
    void aCommitmentKeepsThePolicyAwayUntilItsDate() {
        var committed = closed(CUT_OFF.minusDays(11), EscalationCase.Closure.COMMITTED, LocalDate.of(2026, 12, 31));

        assertThat(CasePolicy.dealtWith(committed, CUT_OFF, LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(CasePolicy.dealtWith(committed, CUT_OFF, LocalDate.of(2027, 1, 1))).isFalse();
    }

    @Test
    void theCutOffIsTheDayAfterTheHalfYear() {
        assertThat(CasePolicy.cutOff(new nl.doorstroom.shared.HalfYear(2026, 1))).isEqualTo(CUT_OFF);
        assertThat(CasePolicy.cutOff(new nl.doorstroom.shared.HalfYear(2026, 2))).isEqualTo(LocalDate.of(2027, 1, 1));
    }
}
