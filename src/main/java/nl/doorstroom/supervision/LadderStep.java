package nl.doorstroom.supervision;

/**
 * One step of a province's escalation ladder.
 *
 * @param key stable within the ladder: the kind's name, or {@code OTHER-n} for a province's own step
 * @param name the province's own name for the step; null to use the kind's standard name
 * @param termDays calendar days the step may take before the case is overdue; null for no term
 */
public record LadderStep(String key, StepKind kind, String name, Integer termDays) {

    public static LadderStep standard(StepKind kind) {
        return new LadderStep(kind.name(), kind, null, kind.proposedTermDays());
    }

    public boolean named() {
        return name != null && !name.isBlank();
    }
}
