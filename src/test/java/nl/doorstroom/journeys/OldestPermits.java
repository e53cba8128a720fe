package nl.doorstroom.journeys;

import java.time.LocalDate;

/**
 * Permit dates older than every household registered before in this JVM and than the demo's (all recent),
 * for households a linking run must take: a run limited to their number takes the longest waiting first,
 * so exactly them. The browser test classes share one application context and so one database.
 */
final class OldestPermits {

    private OldestPermits() {
    }

    /** The first permit date of a new batch; the batch may use the 39 days after it. */
    static LocalDate next() {
        return nl.doorstroom.matching.LinkingFixtures.oldestPermitYet();
    }
}
