package nl.doorstroom.forecasting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The capacity runway of a scenario's latest finished run: the first forecast week in which the median (or
 * the 90th percentile) of occupancy exceeds capacity, counted from the run's start date; null when that does
 * not happen within the horizon. Figures only, for reports.
 */
public record ScenarioRunway(long scenarioId, String scenarioName, boolean synthetic, long runId, LocalDate startOn,
        Instant finishedAt, int horizonWeeks, Integer runwayMedianWeeks, Integer runwayP90Weeks) {

    /** The week the median of occupancy first exceeds capacity, or null. */
    public LocalDate runwayMedianDate() {
        return runwayMedianWeeks == null ? null : startOn.plusWeeks(runwayMedianWeeks);
    }

    public LocalDate runwayP90Date() {
        return runwayP90Weeks == null ? null : startOn.plusWeeks(runwayP90Weeks);
    }
}
