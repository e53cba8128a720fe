package nl.doorstroom.forecasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;

import nl.doorstroom.reception.WeeklyReception;
import org.junit.jupiter.api.Test;

class ForecastScenariosTests {

    static WeeklyReception week(int i, int reporting) {
        return new WeeklyReception(LocalDate.of(2026, 1, 5).plusWeeks(i), reporting * 100, reporting * 20, 10, reporting * 130,
                0, 0, 0, reporting);
    }

    @Test
    void onlyTheWeeksBeforeTheFiguresStartAndALastWeekStillBeingReportedAreLeftOut() {
        var series = new ArrayList<WeeklyReception>();
        series.add(week(0, 0));
        series.add(week(1, 0));
        series.add(week(2, 40));
        series.add(week(3, 80));
        series.add(week(4, 120));
        series.add(week(5, 30));

        var complete = ForecastScenarios.complete(series);

        assertThat(complete).extracting(WeeklyReception::locationsReporting).containsExactly(40, 80, 120);
    }

    @Test
    void aSeriesWithoutFiguresIsEmpty() {
        assertThat(ForecastScenarios.complete(java.util.List.of(week(0, 0), week(1, 0)))).isEmpty();
    }
}
