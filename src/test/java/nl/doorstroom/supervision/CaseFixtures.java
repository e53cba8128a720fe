package nl.doorstroom.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/** Cases in memory, for rules that read cases. */
final class CaseFixtures {

    private CaseFixtures() {
    }

    /** A step on the default ladder, taken on a date, with its default term. */
    static CaseStep taken(int seq, StepKind kind, LocalDate on) {
        return new CaseStep(seq, kind.name(), kind, null, kind.proposedTermDays(), on,
                CaseStep.dueOn(on, kind.proposedTermDays()), "GS", null, null, false, "test", Instant.EPOCH);
    }

    /** A case that took the kinds in order, one every {@code daysApart} days from {@code openedOn}; open when closedOn is null. */
    static EscalationCase walked(long id, LocalDate openedOn, int daysApart, LocalDate closedOn, StepKind... kinds) {
        var steps = new ArrayList<CaseStep>();
        for (int i = 0; i < kinds.length; i++) {
            steps.add(taken(i, kinds[i], openedOn.plusDays((long) i * daysApart)));
        }
        return new EscalationCase(id, MunicipalityCode.of(String.format("GM%04d", id)), "Gemeente " + id,
                ProvinceCode.of("PV26"), "Utrecht", openedOn, "reden", null, "test",
                closedOn == null ? EscalationCase.Status.OPEN : EscalationCase.Status.CLOSED, closedOn,
                closedOn == null ? null : EscalationCase.Closure.COMPLIES, null, null, List.copyOf(steps), List.of(),
                List.of(), List.of(), List.of(), false, 0);
    }
}
