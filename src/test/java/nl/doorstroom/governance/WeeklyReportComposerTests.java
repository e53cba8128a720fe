package nl.doorstroom.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.doorstroom.reception.ReceptionNorm;
import org.junit.jupiter.api.Test;

class WeeklyReportComposerTests {

    @Test
    void theLastCompleteWeekEndsOnTheSundayBeforeOrOnTheDate() {
        var friday = LocalDate.of(2026, 12, 4);
        var sunday = LocalDate.of(2026, 12, 6);
        var monday = LocalDate.of(2026, 12, 7);

        assertThat(WeeklyReportComposer.lastCompleteWeek(friday)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(WeeklyReportComposer.lastCompleteWeek(sunday)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(WeeklyReportComposer.lastCompleteWeek(monday)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void theNormOfADayIsTheLatestVersionValidByThen() {
        var norms = List.of(new ReceptionNorm(2, 1800, LocalDate.of(2026, 6, 1), "coordinator", Instant.EPOCH),
                new ReceptionNorm(1, 2000, LocalDate.of(2023, 11, 3), "system", Instant.EPOCH));

        assertThat(WeeklyReportComposer.normOn(norms, LocalDate.of(2026, 5, 31))).isEqualTo(2000);
        assertThat(WeeklyReportComposer.normOn(norms, LocalDate.of(2026, 6, 1))).isEqualTo(1800);
        assertThat(WeeklyReportComposer.normOn(norms, LocalDate.of(2020, 1, 1))).as("before any: the first").isEqualTo(2000);
    }

    @Test
    void figuresAreRoundedHalfUpToOneDecimalAsTheProgressApiDoes() {
        assertThat(WeeklyReportComposer.round(63.65, 1)).isEqualByComparingTo(new BigDecimal("63.7"));
        assertThat(WeeklyReportComposer.round(null, 1)).isNull();
    }
}
