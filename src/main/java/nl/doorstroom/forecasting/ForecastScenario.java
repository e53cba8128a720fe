package nl.doorstroom.forecasting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A forecast scenario: its parameters, the date its week 0 starts, who made it and when.
 *
 * @param synthetic made by the demo, not by a user
 */
public record ForecastScenario(long id, String name, String description, ScenarioParameters parameters,
        LocalDate startOn, String createdBy, Instant createdAt, String changedBy, Instant changedAt, boolean synthetic,
        int version) {
}
