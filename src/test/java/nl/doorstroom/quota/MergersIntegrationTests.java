package nl.doorstroom.quota;

import static java.util.concurrent.TimeUnit.SECONDS;
import static nl.doorstroom.quota.PostgresLocks.as;
import static nl.doorstroom.quota.PostgresLocks.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recording mergers on embedded PostgreSQL with the demo data loaded. Zeeland municipalities that
 * no other test uses, and half-years far ahead, so that nothing here changes another test's quota.
 */
@IntegrationTest
class MergersIntegrationTests {

    static final MunicipalityCode HULST = MunicipalityCode.of("GM0677");
    static final MunicipalityCode REIMERSWAAL = MunicipalityCode.of("GM0703");
    static final MunicipalityCode TERNEUZEN = MunicipalityCode.of("GM0715");
    static final MunicipalityCode THOLEN = MunicipalityCode.of("GM0716");
    static final MunicipalityCode VEERE = MunicipalityCode.of("GM0717");
    static final MunicipalityCode SLUIS = MunicipalityCode.of("GM1714");

    @Autowired
    Mergers mergers;

    @Autowired
    Populations populations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aPopulationAboveThatOfTheNetherlandsIsRefused() {
        long national = populations.latest().total();
        int before = mergers.all().size();

        var thrown = catchThrowable(() -> as(Role.ADMINISTRATOR, () -> mergers.record(TERNEUZEN, Set.of(SLUIS),
                new HalfYear(2042, 1), national + 1, LocalDate.of(2040, 1, 1), "test: inwonertal te groot")));

        assertThat(thrown).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("population");
                    assertThat(p.messageKey()).isEqualTo("merger.population.tooLarge");
                    assertThat(p.arguments()).containsExactly(national);
                }));
        assertThat(mergers.all()).hasSize(before);
    }

    @Test
    void aMergerIsCheckedOnlyWhenNoOtherIsBeingRecorded() throws Exception {
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var other = threads.submit(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", Mergers.MERGER_LOCK).query((rs, n) -> 1).list();
            locked.countDown();
            await(release);
        }));
        await(locked);

        // Without a reason, so that it is refused once it gets past the lock and nothing is stored.
        var attempt = threads.submit(() -> as(Role.ADMINISTRATOR, () -> mergers.record(HULST, Set.of(SLUIS),
                new HalfYear(2041, 1), 30_000L, LocalDate.of(2039, 3, 1), null)));

        PostgresLocks.awaitWaiterForAdvisoryLock(jdbc, Mergers.MERGER_LOCK >>> 32, Mergers.MERGER_LOCK & 0xFFFF_FFFFL, 1);
        release.countDown();
        other.get(10, SECONDS);
        assertThat(catchThrowable(() -> attempt.get(10, SECONDS))).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(InvalidInput.class);
    }

    @Test
    void aMergerStoredPastTheCheckIsStillTheAlreadyMergedProblemAndNoServerError() throws Exception {
        var inserted = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        // Another transaction stores Tholen as a successor without the lock, and commits only once the
        // attempt below has passed its check and waits on Tholen's unique key.
        var other = threads.submit(() -> transaction.executeWithoutResult(status -> {
            long id = jdbc.sql("""
                    INSERT INTO municipality_merger (successor_code, effective_year, effective_half, population,
                                                     decided_on, reason, recorded_by)
                    VALUES (:successor, 2041, 1, 40000, DATE '2039-01-01', 'test: past the check', 'test')
                    RETURNING id""").param("successor", THOLEN.value()).query(Long.class).single();
            jdbc.sql("INSERT INTO municipality_merger_part (merger_id, predecessor_code) VALUES (:id, :code)")
                    .param("id", id).param("code", VEERE.value()).update();
            inserted.countDown();
            await(commit);
        }));
        try {
            await(inserted);

            var attempt = threads.submit(() -> as(Role.ADMINISTRATOR, () -> mergers.record(THOLEN,
                    Set.of(REIMERSWAAL), new HalfYear(2041, 1), 60_000L, LocalDate.of(2039, 3, 1), "test")));

            PostgresLocks.awaitWaiterForTransaction(jdbc);
            commit.countDown();
            other.get(10, SECONDS);
            assertThat(catchThrowable(() -> attempt.get(10, SECONDS))).cause()
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).singleElement()
                            .satisfies(p -> {
                                assertThat(p.field()).isEqualTo("successor");
                                assertThat(p.messageKey()).isEqualTo("merger.alreadyMerged");
                                assertThat(p.arguments()).containsExactly(THOLEN.value());
                            }));
        }
        finally {
            commit.countDown();
            jdbc.sql("""
                    DELETE FROM municipality_merger_part WHERE merger_id IN
                        (SELECT id FROM municipality_merger WHERE successor_code = :successor)""")
                    .param("successor", THOLEN.value()).update();
            jdbc.sql("DELETE FROM municipality_merger WHERE successor_code = :successor")
                    .param("successor", THOLEN.value()).update();
        }
    }
}
