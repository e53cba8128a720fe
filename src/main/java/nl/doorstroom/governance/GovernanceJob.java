package nl.doorstroom.governance;

import java.time.Instant;

/**
 * A weekly report or letter batch being made in the background: its progress in steps, and when done the id of
 * what it made (a report or a batch). The error is a message key with codes, never personal data.
 */
public record GovernanceJob(long id, Kind kind, Status status, String stepKey, int done, int total,
        String requestedBy, Instant requestedAt, Instant finishedAt, boolean cancelRequested, Long resultId,
        String errorKey, String errorDetail) {

    public enum Kind {
        WEEKLY_REPORT, LETTER_BATCH
    }

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        public boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }

        public String messageKey() {
            return "governance.job.status." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public int percent() {
        return total <= 0 ? 0 : (int) Math.min(100, Math.round(100.0 * done / total));
    }

    /** Where the page downloads what the job made, once done. */
    public String resultPdf() {
        if (status != Status.DONE || resultId == null) {
            return null;
        }
        return kind == Kind.WEEKLY_REPORT ? "/governance/reports/" + resultId + "/pdf"
                : "/governance/letters/batches/" + resultId + "/pdf";
    }

    /** Where the API reads what the job made, once done (letter batches have no API of their own). */
    public String resultApi() {
        if (status != Status.DONE || resultId == null || kind != Kind.WEEKLY_REPORT) {
            return null;
        }
        return "/api/v1/weekly-reports/" + resultId;
    }
}
