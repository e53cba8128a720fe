package nl.doorstroom.supervision;

import java.util.List;

import nl.doorstroom.shared.MunicipalityCode;

/** A municipality's assessments, newest half-year first, and how many in a row up to the last it missed. */
public record AssessmentHistory(MunicipalityCode code, String name, List<AssessmentRow> rows) {

    /**
     * Assessed half-years in a row, up to the last, that were missed; a met or excusable half-year ends
     * the run. Some provinces open a case after four (DOMAIN.md, "Supervision").
     */
    public int missedInARow() {
        int missed = 0;
        for (var row : rows) {
            if (!row.missed()) {
                break;
            }
            missed++;
        }
        return missed;
    }

    /**
     * As {@link #missedInARow()}, counting only half-years the province has decided: a proposal nobody
     * confirmed yet (the province may still find it excusable) ends the run.
     */
    public int decidedMissedInARow() {
        int missed = 0;
        for (var row : rows) {
            if (row.pending() || !row.missed()) {
                break;
            }
            missed++;
        }
        return missed;
    }
}
