package nl.doorstroom.matching;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A run of the linking optimiser: what it was asked (scope, tolerance, weights, time), how far it got
 * (best objective and proven bound so far) and what it found.
 *
 * @param region the COA linking region, null for the nation
 * @param recomputedFrom the earlier run whose inputs this one ran on again; null for a run on fresh inputs
 * @param interrupted still marked running, but no progress reported for a minute: the node stopped
 */
public record LinkingRun(long id, String region, LocalDate runDate, Status status, boolean cancelRequested, int seconds,
        int tolerancePercent, Integer householdLimit, LinkingWeights weights, int households, int persons, int pairs,
        Long objective, Long bound, Double elapsedSeconds, Integer linkedHouseholds, Integer linkedPersons,
        String failure, String startedBy, Instant startedAt, Instant finishedAt, Long recomputedFrom,
        boolean interrupted) {

    public enum Status {
        RUNNING, FINISHED, CANCELLED, FAILED;

        public String messageKey() {
            return "linking.status." + name();
        }
    }

    public boolean running() {
        return status == Status.RUNNING && !interrupted;
    }

    public boolean finished() {
        return status == Status.FINISHED;
    }

    /** The objective as a share of the proven bound, in percent; null before the first report. */
    public Double percentOfBound() {
        if (objective == null || bound == null) {
            return null;
        }
        return bound == 0 ? 100.0 : 100.0 * objective / bound;
    }
}
