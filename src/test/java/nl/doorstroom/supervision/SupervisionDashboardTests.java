package nl.doorstroom.supervision;

import static nl.doorstroom.supervision.CaseFixtures.walked;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;

class SupervisionDashboardTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final ProvinceCode UTRECHT = ProvinceCode.of("PV26");

    static StepStatistics row(SupervisionDashboard d, StepKind kind) {
        return d.steps().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void countsMunicipalitiesAtEachStepAndThoseOverdue() {
        var cases = List.of(
                walked(1, TODAY.minusDays(5), 0, null, StepKind.SIGNAL),
                walked(2, TODAY.minusDays(40), 0, null, StepKind.SIGNAL),
                walked(3, TODAY.minusDays(60), 30, null, StepKind.SIGNAL, StepKind.OFFICIAL_TALKS));

        var dashboard = SupervisionDashboard.of(TODAY, UTRECHT, EscalationLadder.defaultFor(UTRECHT), cases);

        assertThat(row(dashboard, StepKind.SIGNAL).open()).isEqualTo(2);
        assertThat(row(dashboard, StepKind.SIGNAL).overdue()).isEqualTo(1);
        assertThat(row(dashboard, StepKind.OFFICIAL_TALKS).open()).isEqualTo(1);
        assertThat(row(dashboard, StepKind.OFFICIAL_TALKS).overdue()).isEqualTo(1);
        assertThat(dashboard.open()).isEqualTo(3);
        assertThat(dashboard.overdue()).isEqualTo(2);
    }

    @Test
    void aPassageRunsFromAStepsDateToTheNextStepOrTheClosing() {
        var cases = List.of(
                walked(1, TODAY.minusDays(100), 10, null, StepKind.SIGNAL, StepKind.OFFICIAL_TALKS),
                walked(2, TODAY.minusDays(100), 20, null, StepKind.SIGNAL, StepKind.OFFICIAL_TALKS),
                walked(3, TODAY.minusDays(100), 60, TODAY.minusDays(10), StepKind.SIGNAL, StepKind.OFFICIAL_TALKS));

        var dashboard = SupervisionDashboard.of(TODAY, UTRECHT, EscalationLadder.defaultFor(UTRECHT), cases);

        var signal = row(dashboard, StepKind.SIGNAL);
        assertThat(signal.passed()).isEqualTo(3);
        assertThat(signal.medianDays()).isEqualTo(20);
        assertThat(signal.averageDays()).isEqualTo(30);
        var talks = row(dashboard, StepKind.OFFICIAL_TALKS);
        assertThat(talks.passed()).isEqualTo(1);
        assertThat(talks.medianDays()).isEqualTo(30);
        assertThat(talks.open()).isEqualTo(2);
        assertThat(talks.longestOpenDays()).isEqualTo(90);
    }

    @Test
    void theProcessStallsWhereMostCasesAreOverdue() {
        var cases = List.of(
                walked(1, TODAY.minusDays(200), 20, null, StepKind.SIGNAL, StepKind.OFFICIAL_TALKS,
                        StepKind.ADMINISTRATIVE_TALKS),
                walked(2, TODAY.minusDays(200), 20, null, StepKind.SIGNAL, StepKind.OFFICIAL_TALKS,
                        StepKind.ADMINISTRATIVE_TALKS),
                walked(3, TODAY.minusDays(30), 0, null, StepKind.SIGNAL));

        var dashboard = SupervisionDashboard.of(TODAY, UTRECHT, EscalationLadder.defaultFor(UTRECHT), cases);

        assertThat(dashboard.stall()).map(StepStatistics::kind).contains(StepKind.ADMINISTRATIVE_TALKS);
    }

    @Test
    void withoutCasesNothingStalls() {
        var dashboard = SupervisionDashboard.of(TODAY, UTRECHT, EscalationLadder.defaultFor(UTRECHT), List.of());

        assertThat(dashboard.stall()).isEmpty();
        assertThat(dashboard.steps()).hasSize(6).allSatisfy(s -> assertThat(s.open()).isZero());
    }

    @Test
    void theNationCountsStepsByKind() {
        var cases = List.of(walked(1, TODAY.minusDays(5), 0, null, StepKind.WARNING),
                walked(2, TODAY.minusDays(5), 0, null, StepKind.WARNING));

        var dashboard = SupervisionDashboard.of(TODAY, null, EscalationLadder.defaultFor(null), cases);

        assertThat(row(dashboard, StepKind.WARNING).open()).isEqualTo(2);
    }
}
