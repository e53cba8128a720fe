package nl.doorstroom.supervision;

/**
 * How cases fare at one step of the ladder: how many municipalities are there now and how many of them
 * are overdue, and how long the passages through it took (from the step's date to the next step's or the
 * closing date).
 *
 * @param kind the step's kind; for a province's own steps (OTHER) the name tells them apart
 * @param medianDays median days of the finished passages; null without any
 * @param longestOpenDays the longest any open case has been at this step now
 */
public record StepStatistics(String key, StepKind kind, String name, int open, int overdue, int passed,
        Long medianDays, Long averageDays, long longestOpenDays) {

    public boolean named() {
        return name != null && !name.isBlank();
    }
}
