package nl.doorstroom.journeys;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Permit dates older than every household registered before in this JVM and than the demo's (all recent),
 * for households a linking run must take: a run limited to their number takes the longest waiting first,
 * so exactly them. The browser test classes share one application context and so one database.
 */
final class OldestPermits {

    private static final AtomicInteger BATCHES = new AtomicInteger();

    private OldestPermits() {
    }

    /** The first permit date of a new batch; the batch may use the 39 days after it. */
    static LocalDate next() {
        return LocalDate.of(2012, 1, 1).minusDays(40L * BATCHES.incrementAndGet());
    }
}
