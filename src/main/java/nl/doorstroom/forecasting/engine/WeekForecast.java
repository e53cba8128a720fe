package nl.doorstroom.forecasting.engine;

/**
 * One week of a Monte Carlo forecast (week 0 is the start).
 *
 * @param probabilityOverCapacity the share of runs whose occupancy exceeds the week's capacity
 */
public record WeekForecast(
        int week,
        double capacity,
        Band occupancy,
        Band inProcedure,
        Band permitHolders,
        Band refused,
        double probabilityOverCapacity) {
}
