package nl.doorstroom.quota;

import static java.util.concurrent.TimeUnit.SECONDS;
import static nl.doorstroom.quota.PostgresLocks.as;
import static nl.doorstroom.quota.PostgresLocks.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Recording transfers on embedded PostgreSQL with the demo history loaded. */
@IntegrationTest
class QuotaTransfersIntegrationTests {

    @Autowired
    QuotaTransfers transfers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    NationalTotals totals;

    @Autowired
    QuotaCalculation calculation;

    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aTransferIsCheckedOnlyWhenNoOtherOfItsHalfYearIsBeingStored() throws Exception {
        var period = new HalfYear(2026, 2);
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var other = threads.submit(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:kind, :period)").param("kind", QuotaTransfers.TRANSFER_LOCK)
                    .param("period", QuotaTransfers.lockKey(period)).query((rs, n) -> 1).list();
            locked.countDown();
            await(release);
        }));
        await(locked);

        // Unbalanced, so that it is refused once it gets past the lock and nothing is stored.
        var attempt = threads.submit(() -> as(Role.NATIONAL_COORDINATOR, () -> transfers.agree(period,
                Map.of(MunicipalityCode.of("GM0307"), -3, MunicipalityCode.of("GM0308"), 4),
                LocalDate.now(AuditTrail.ZONE), "test: waits for the lock")));

        PostgresLocks.awaitWaiterForAdvisoryLock(jdbc, QuotaTransfers.TRANSFER_LOCK, QuotaTransfers.lockKey(period), 2);
        release.countDown();
        other.get(10, SECONDS);
        assertThat(catchThrowable(() -> attempt.get(10, SECONDS))).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(InvalidInput.class);
    }

    @Test
    void aTransferMayNotTakeMoreThanTheLowestQuotaThatAppliesDuringItsHalfYear() throws Exception {
        var period = new HalfYear(2039, 1);
        var zeewolde = MunicipalityCode.of("GM0050");
        var dronten = MunicipalityCode.of("GM0303");
        long first = as(Role.MINISTRY_ANALYST, () -> {
            totals.enter(period, 10_000, LocalDate.of(2026, 1, 1), "test: eerste");
            var computed = calculation.publish(period, 1L, "test: versie");
            totals.enter(period, 20_000, LocalDate.of(2026, 6, 1), "test: bijgesteld");
            calculation.publish(period, 1L, "test: versie");
            return calculation.quotasOf(computed.id()).get(zeewolde).quota();
        });

        var refused = catchThrowable(() -> as(Role.NATIONAL_COORDINATOR, () -> transfers.agree(period,
                Map.of(zeewolde, (int) -(first + 1), dronten, (int) (first + 1)), LocalDate.of(2026, 3, 1),
                "test: meer dan de eerste taakstelling")));
        var agreed = as(Role.NATIONAL_COORDINATOR, () -> transfers.agree(period,
                Map.of(zeewolde, (int) -first, dronten, (int) first), LocalDate.of(2026, 3, 1),
                "test: precies de eerste taakstelling"));

        assertThat(refused).isInstanceOf(InvalidInput.class);
        assertThat(((InvalidInput) refused).problems()).extracting(InvalidInput.Problem::messageKey)
                .containsExactly("transfer.belowZero");
        assertThat(agreed.changeFor(zeewolde)).isEqualTo((int) -first);
    }
}
