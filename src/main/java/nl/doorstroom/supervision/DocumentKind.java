package nl.doorstroom.supervision;

/**
 * The documents of a case that Doorstroom writes. The announced intention and the substitution decision
 * are published and sent to the municipal council (Gemeentewet art. 124(4)); the decision names the
 * deadline within which the municipality can still comply (art. 124(2)).
 */
public enum DocumentKind {
    WARNING_LETTER(StepKind.WARNING, false, false),
    INTENTION(StepKind.WARNING, true, true),
    SUBSTITUTION_DECISION(StepKind.SUBSTITUTION_DECISION, true, true);

    private final StepKind step;
    private final boolean published;
    private final boolean deadlineRequired;

    DocumentKind(StepKind step, boolean published, boolean deadlineRequired) {
        this.step = step;
        this.published = published;
        this.deadlineRequired = deadlineRequired;
    }

    /** The kind of ladder step at which the document is written. */
    public StepKind step() {
        return step;
    }

    /** Published and sent to the council (art. 124(4)). */
    public boolean published() {
        return published;
    }

    public boolean deadlineRequired() {
        return deadlineRequired;
    }

    public String messageKey() {
        return "supervision.document." + name();
    }
}
