package nl.doorstroom.quota;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Helpers for tests of what two transactions at once do: wait until PostgreSQL shows a session
 * waiting for a lock, and run work as a signed-in user on another thread.
 */
final class PostgresLocks {

    private PostgresLocks() {
    }

    /** Waits until a session waits for the advisory lock with these keys (as pg_locks shows them). */
    static void awaitWaiterForAdvisoryLock(JdbcClient jdbc, long classid, long objid, int objsubid)
            throws InterruptedException {
        awaitWaiter(() -> jdbc.sql("""
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                  AND classid::bigint = :classid AND objid::bigint = :objid AND objsubid = :objsubid""")
                .param("classid", classid).param("objid", objid).param("objsubid", objsubid)
                .query(Long.class).single());
    }

    /** Waits until a session waits for another transaction to end (such as on a unique key it inserted). */
    static void awaitWaiterForTransaction(JdbcClient jdbc) throws InterruptedException {
        awaitWaiter(() -> jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'transactionid' AND NOT granted")
                .query(Long.class).single());
    }

    private static void awaitWaiter(LongSupplier waiting) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (waiting.getAsLong() > 0) {
                return;
            }
            Thread.sleep(20);
        }
        fail("No session waited for the lock within 10 seconds");
    }

    /** Runs work as a user of the role, on the calling thread (a worker's security context starts empty). */
    static <T> T as(Role role, Callable<T> work) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(role));
        try {
            return work.call();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Latch not released within 30 seconds");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
