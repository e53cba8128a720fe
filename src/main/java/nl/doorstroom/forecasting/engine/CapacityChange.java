package nl.doorstroom.forecasting.engine;

/** Places opened (positive) or closed (negative) from forecast week {@code week} on (weeks count from 1). */
public record CapacityChange(int week, double places) {

    public CapacityChange {
        if (week < 1) {
            throw new IllegalArgumentException("a capacity change starts in week 1 or later");
        }
    }
}
