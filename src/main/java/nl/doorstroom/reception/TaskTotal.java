package nl.doorstroom.reception;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The national number of reception places to distribute over the municipalities from a date, with the reason it
 * was set. When nobody has entered one, the act's 96,000 applies ({@link #statutory()}, without an id).
 */
public record TaskTotal(Long id, int total, LocalDate effectiveDate, String reason, boolean synthetic,
        String enteredBy, Instant enteredAt) {

    /** The number of places the distribution act started from (Spreidingswet, in force 1 February 2024). */
    public static final int STATUTORY_TOTAL = 96_000;

    public static final LocalDate STATUTORY_DATE = LocalDate.of(2024, 2, 1);

    static TaskTotal statutory() {
        return new TaskTotal(null, STATUTORY_TOTAL, STATUTORY_DATE, null, false, null, null);
    }

    /** Whether this is the act's figure rather than an entered one. */
    public boolean isStatutory() {
        return id == null;
    }
}
