package nl.doorstroom.supervision;

/**
 * What a ladder step means in law and practice (DOMAIN.md, "Supervision"). A province names and times its
 * steps itself; the kinds with a legal meaning appear at most once and in this order. {@link #OTHER} is a
 * step of the province's own (for example a second round of talks).
 */
public enum StepKind {
    SIGNAL(14),
    OFFICIAL_TALKS(28),
    ADMINISTRATIVE_TALKS(42),
    WARNING(28),
    SUBSTITUTION_DECISION(56),
    SUBSTITUTION_CARRIED_OUT(90),
    OTHER(28);

    private final int proposedTermDays;

    StepKind(int proposedTermDays) {
        this.proposedTermDays = proposedTermDays;
    }

    /** The term proposed in the UI; the law sets none, so each province sets its own. */
    public int proposedTermDays() {
        return proposedTermDays;
    }

    public String messageKey() {
        return "supervision.step." + name();
    }
}
