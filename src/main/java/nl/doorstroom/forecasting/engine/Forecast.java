package nl.doorstroom.forecasting.engine;

import java.util.List;
import java.util.OptionalInt;

/**
 * The result of a Monte Carlo forecast: bands per week (weeks 0 to the horizon) and the runway, the first forecast
 * week in which the median (or the 90th percentile) of occupancy exceeds capacity; empty when that does not happen
 * within the horizon. Week 0 is the start and does not count for the runway.
 */
public record Forecast(int runs, long seed, List<WeekForecast> weeks, OptionalInt runwayMedian,
        OptionalInt runwayP90) {

    public Forecast {
        weeks = List.copyOf(weeks);
    }

    static Forecast of(int runs, long seed, List<WeekForecast> weeks) {
        return new Forecast(runs, seed, weeks, firstWeekOver(weeks, false), firstWeekOver(weeks, true));
    }

    public int horizonWeeks() {
        return weeks.size() - 1;
    }

    public WeekForecast week(int week) {
        return weeks.get(week);
    }

    private static OptionalInt firstWeekOver(List<WeekForecast> weeks, boolean p90) {
        for (var week : weeks.subList(1, weeks.size())) {
            double occupancy = p90 ? week.occupancy().p90() : week.occupancy().p50();
            if (occupancy > week.capacity()) {
                return OptionalInt.of(week.week());
            }
        }
        return OptionalInt.empty();
    }
}
