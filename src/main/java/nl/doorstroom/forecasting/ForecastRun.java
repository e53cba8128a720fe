package nl.doorstroom.forecasting;

import java.time.Instant;
import java.time.LocalDate;

import nl.doorstroom.forecasting.engine.Forecast;

/**
 * A Monte Carlo run of a scenario: its inputs as used, its progress, and its result once done.
 *
 * @param result the forecast; null until the run is done
 */
public record ForecastRun(long id, long scenarioId, String scenarioName, ScenarioParameters parameters,
        LocalDate startOn, int runs, long seed, Status status, int done, boolean cancelRequested, String requestedBy,
        Instant requestedAt, Instant finishedAt, String failure, Forecast result) {

    public enum Status {
        QUEUED, RUNNING, DONE, CANCELLED, FAILED;

        public boolean finished() {
            return this == DONE || this == CANCELLED || this == FAILED;
        }

        public String messageKey() {
            return "forecasting.status." + name();
        }
    }

    /** Done runs as a share, 0–100. */
    public int percent() {
        return runs == 0 ? 0 : (int) Math.floor(100.0 * done / runs);
    }

    /** The date of a forecast week: week 0 is the start date. */
    public LocalDate dateOf(int week) {
        return startOn.plusWeeks(week);
    }
}
