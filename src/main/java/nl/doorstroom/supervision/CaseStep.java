package nl.doorstroom.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A step a case took, with the step as the ladder had it then: a later change of the ladder does not
 * change the term of a step already taken.
 *
 * @param dueOn the step's date plus its term in calendar days, or the deadline set in a substitution
 *        decision (Gemeentewet art. 124(2)); null when the step has no term
 * @param decisionMaker who decided the step (for example Gedeputeerde Staten, or the deputy by mandate)
 * @param justification why the step is not the next one up the ladder; null for the next one
 * @param urgent a substitution decision without a deadline because the case is urgent (art. 124(2))
 */
public record CaseStep(int seq, String key, StepKind kind, String name, Integer termDays, LocalDate stepOn,
        LocalDate dueOn, String decisionMaker, String notes, String justification, boolean urgent, String recordedBy,
        Instant recordedAt) {

    /** Terms run in calendar days from the step's own date. */
    public static LocalDate dueOn(LocalDate stepOn, Integer termDays) {
        return termDays == null ? null : stepOn.plusDays(termDays);
    }

    /** Overdue on a date after the due date; on the due date itself the term is still running. */
    public boolean overdueOn(LocalDate date) {
        return dueOn != null && date.isAfter(dueOn);
    }

    /** Days past the due date on a date; 0 while the term runs or without a term. */
    public long daysOverdue(LocalDate date) {
        return overdueOn(date) ? ChronoUnit.DAYS.between(dueOn, date) : 0;
    }

    public boolean named() {
        return name != null && !name.isBlank();
    }
}
