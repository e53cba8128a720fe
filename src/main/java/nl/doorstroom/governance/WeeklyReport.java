package nl.doorstroom.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A generated weekly report as kept: its reference date, language, when and by whom (or by the schedule) it
 * was made, and the figures it shows. The PDF itself is read with {@link WeeklyReports#pdf(long)}.
 *
 * @param pdfMillis how long rendering the PDF took
 */
public record WeeklyReport(long id, LocalDate referenceDate, Locale locale, Kind kind, Instant generatedAt,
        String generatedBy, boolean synthetic, ReportFigures figures, int pdfBytes, int pdfMillis) {

    /** Made at someone's request, or by the weekly schedule. */
    public enum Kind {
        ON_DEMAND, SCHEDULED;

        public String messageKey() {
            return "governance.report.kind." + name();
        }
    }

    /** The actor recorded for a report made by the schedule. */
    public static final String SCHEDULE = "schedule";
}
