package nl.doorstroom.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CaseStepTests {

    static CaseStep step(LocalDate on, Integer term) {
        return new CaseStep(0, "SIGNAL", StepKind.SIGNAL, null, term, on, CaseStep.dueOn(on, term), "GS", null, null,
                false, "test", Instant.EPOCH);
    }

    @Test
    void aTermRunsInCalendarDaysFromTheStepsOwnDate() {
        assertThat(CaseStep.dueOn(LocalDate.of(2026, 10, 1), 14)).isEqualTo(LocalDate.of(2026, 10, 15));
        // Over a month end, a leap day and the change to winter time alike: calendar days, no working days.
        assertThat(CaseStep.dueOn(LocalDate.of(2028, 2, 20), 14)).isEqualTo(LocalDate.of(2028, 3, 5));
        assertThat(CaseStep.dueOn(LocalDate.of(2026, 10, 20), 14)).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(CaseStep.dueOn(LocalDate.of(2026, 10, 1), null)).isNull();
    }

    @Test
    void onTheDueDateTheTermStillRunsAndTheDayAfterItIsOverdue() {
        var signal = step(LocalDate.of(2026, 10, 1), 14);

        assertThat(signal.overdueOn(LocalDate.of(2026, 10, 15))).isFalse();
        assertThat(signal.daysOverdue(LocalDate.of(2026, 10, 15))).isZero();
        assertThat(signal.overdueOn(LocalDate.of(2026, 10, 16))).isTrue();
        assertThat(signal.daysOverdue(LocalDate.of(2026, 10, 18))).isEqualTo(3);
    }

    @Test
    void aStepWithoutATermIsNeverOverdue() {
        assertThat(step(LocalDate.of(2020, 1, 1), null).overdueOn(LocalDate.of(2026, 11, 29))).isFalse();
    }

    @Test
    void daysOverdueGrowByOneADayOnceTheTermHasPassed() {
        var random = new Random(20261129L);
        for (int i = 0; i < 500; i++) {
            var on = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1000));
            int term = 1 + random.nextInt(200);
            var s = step(on, term);
            var day = on.plusDays(random.nextInt(500));

            long expected = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(on, day) - term);

            assertThat(s.daysOverdue(day)).isEqualTo(expected);
            assertThat(s.overdueOn(day)).isEqualTo(expected > 0);
        }
    }
}
