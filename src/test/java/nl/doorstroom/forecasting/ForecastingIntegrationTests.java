package nl.doorstroom.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Scenarios and runs on the real database, with the run in the background. */
@IntegrationTest
class ForecastingIntegrationTests {

    static final LocalDate TODAY = LocalDate.now(AuditTrail.ZONE);

    @Autowired
    ForecastScenarios scenarios;
    @Autowired
    ForecastRuns runs;

    ForecastRun awaitEnd(long id) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            var run = TestUsers.as(Role.MINISTRY_ANALYST, () -> runs.find(id));
            if (run.status().finished()) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not end");
    }

    @Test
    void aScenarioIsSavedWithItsAuthorAndAStaleChangeIsRefused() throws Exception {
        long id = TestUsers.as(Role.MINISTRY_ANALYST, () -> scenarios.create("Test: basis", null, scenarios.baseline(), TODAY));
        var saved = TestUsers.as(Role.MINISTRY_ANALYST, () -> scenarios.find(id));

        TestUsers.as(Role.MINISTRY_ANALYST, () -> scenarios.change(id, 0, "Test: basis 2", "anders",
                saved.parameters().with("extraPlaces", 250), TODAY));

        assertThat(saved.createdBy()).isEqualTo("test-ministry_analyst");
        assertThat(TestUsers.as(Role.MINISTRY_ANALYST, () -> scenarios.find(id)).parameters().get("extraPlaces"))
                .isEqualTo(250);
        assertThatThrownBy(() -> TestUsers.as(Role.MINISTRY_ANALYST, () -> scenarios.change(id, 0, "Test", null,
                saved.parameters(), TODAY))).isInstanceOf(EditConflict.class);
    }

    @Test
    void badParametersAreRefusedByField() {
        assertThatThrownBy(() -> TestUsers.as(Role.MINISTRY_ANALYST, () -> scenarios.create(" ", null,
                scenarios.baseline().with("grantShare", 2), null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .contains("name", "grantShare", "startOn"));
    }

    @Test
    void theBaselineTakesTheHalfYearsCorrectedQuotaFromProgress() throws Exception {
        var baseline = TestUsers.as(Role.MINISTRY_ANALYST, () -> scenarios.baseline());

        assertThat(baseline.get("halfYearQuota")).isPositive();
        assertThat(baseline.problems()).isEmpty();
    }

    @Test
    void runsOfTwoScenariosWithOneSeedEndWithTheirForecastsAndExtraPlacesNeverShortenTheRunway() throws Exception {
        var ids = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> {
            var base = scenarios.baseline();
            long plain = scenarios.create("Test: zonder extra", null, base, TODAY);
            long extra = scenarios.create("Test: +500", null, base.with("extraPlaces", 500).with("extraPlacesSd", 0), TODAY);
            return runs.start(List.of(plain, extra), 500, 7L);
        });

        var plain = awaitEnd(ids.get(0));
        var extra = awaitEnd(ids.get(1));

        assertThat(plain.status()).isEqualTo(ForecastRun.Status.DONE);
        assertThat(plain.result().runs()).isEqualTo(500);
        assertThat(plain.result().seed()).isEqualTo(7L).isEqualTo(extra.result().seed());
        assertThat(plain.done()).isEqualTo(500);
        int plainRunway = plain.result().runwayMedian().orElse(Integer.MAX_VALUE);
        int extraRunway = extra.result().runwayMedian().orElse(Integer.MAX_VALUE);
        assertThat(extraRunway).isGreaterThanOrEqualTo(plainRunway);
        var last = plain.result().horizonWeeks();
        assertThat(extra.result().week(last).occupancy().p50()).isLessThan(plain.result().week(last).occupancy().p50());
    }

    @Test
    void theRunwayOnADayIsThatOfTheScenariosLatestRunDoneByThen() throws Exception {
        long id = TestUsers.as(Role.MINISTRY_ANALYST, () -> scenarios.create("Test: baan", null, scenarios.baseline(), TODAY));
        long first = TestUsers.as(Role.MINISTRY_ANALYST, () -> runs.start(List.of(id), 200, 3L)).get(0);
        awaitEnd(first);
        long second = TestUsers.as(Role.MINISTRY_ANALYST, () -> runs.start(List.of(id), 300, 4L)).get(0);
        var done = awaitEnd(second);

        var today = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> runs.runwaysOn(TODAY));
        var yesterday = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> runs.runwaysOn(TODAY.minusDays(1)));

        var runway = today.stream().filter(r -> r.scenarioId() == id).findFirst().orElseThrow();
        assertThat(runway.runId()).isEqualTo(second);
        assertThat(runway.runwayMedianWeeks()).isEqualTo(done.result().runwayMedian().isPresent()
                ? done.result().runwayMedian().getAsInt() : null);
        assertThat(runway.horizonWeeks()).isEqualTo(done.result().horizonWeeks());
        assertThat(yesterday).noneMatch(r -> r.scenarioId() == id);
        assertThatThrownBy(() -> TestUsers.as(Role.MINISTRY_ANALYST, () -> {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
            return runs.runwaysOn(TODAY);
        })).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aQueuedOrRunningRunCanBeCancelled() throws Exception {
        var ids = TestUsers.as(Role.COA_PLANNER, () -> {
            long id = scenarios.create("Test: lang", null, scenarios.baseline().with("horizonWeeks", 104), TODAY);
            return runs.start(List.of(id, id), ForecastRuns.MAX_RUNS, 1L);
        });
        // The first starts at once; cancelled while it runs. The second waits its turn; cancelled in the queue.
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (TestUsers.as(Role.COA_PLANNER, () -> runs.find(ids.get(0))).done() == 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        TestUsers.as(Role.COA_PLANNER, () -> {
            runs.cancel(ids.get(1));
            runs.cancel(ids.get(0));
            return null;
        });

        var running = awaitEnd(ids.get(0));
        var queued = awaitEnd(ids.get(1));

        // The running one stops at its next progress write, unless it finished first on a fast machine (the engine's
        // own tests cover stopping mid-run); the queued one never starts.
        assertThat(running.status()).isIn(ForecastRun.Status.CANCELLED, ForecastRun.Status.DONE);
        if (running.status() == ForecastRun.Status.CANCELLED) {
            assertThat(running.done()).isPositive().isLessThan(ForecastRuns.MAX_RUNS);
        }
        assertThat(queued.status()).isEqualTo(ForecastRun.Status.CANCELLED);
        assertThat(queued.done()).isZero();
        assertThat(queued.result()).isNull();
    }

    @Test
    void onlyForecastersMakeScenariosAndRuns() {
        assertThatThrownBy(() -> TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> scenarios.create("x", null,
                scenarios.baseline(), TODAY))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(Role.MUNICIPALITY_OFFICER, () -> runs.start(List.of(1L), 10, 1L)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
