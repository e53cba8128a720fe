package nl.doorstroom.forecasting.engine;

/** Hears how many Monte Carlo runs are done; called from worker threads, so it must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    void progressed(int runsDone, int runsTotal);
}
