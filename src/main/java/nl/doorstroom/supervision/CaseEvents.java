package nl.doorstroom.supervision;

import nl.doorstroom.shared.MunicipalityCode;

/** What happened to supervision cases, for other modules to react to. */
public final class CaseEvents {

    private CaseEvents() {
    }

    /** A case was opened against a municipality. */
    public record EscalationOpened(long caseId, MunicipalityCode municipality, boolean byPolicy) {
    }

    /** A case moved to another step of its province's ladder. */
    public record EscalationStepTaken(long caseId, MunicipalityCode municipality, StepKind kind) {
    }

    /** A case was closed. */
    public record EscalationClosed(long caseId, MunicipalityCode municipality, EscalationCase.Closure closure) {
    }
}
