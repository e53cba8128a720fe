package nl.doorstroom.forecasting;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import nl.doorstroom.forecasting.engine.MonteCarlo;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Monte Carlo runs of scenarios, in the background: each run is queued, runs on this node (one at a time; the
 * engine itself uses every core), writes its progress to the database about four times a second and reads
 * there whether it was cancelled, so any node shows and cancels it. Scenarios compared in one request share
 * their seed, so they differ only in what their parameters change.
 */
@Service
public class ForecastRuns {

    public static final int MAX_RUNS = 20_000;
    public static final int DEFAULT_RUNS = 2_000;
    /** Runs × (weeks + 1) at most: 20,000 runs of 104 weeks. */
    public static final long MAX_CELLS = 20_000L * 105;

    private static final Logger log = LoggerFactory.getLogger(ForecastRuns.class);
    private static final long PROGRESS_EVERY_MILLIS = 250;

    private final JdbcClient jdbc;
    private final StoredForecasts stored;
    private final AuditTrail audit;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "forecast-runs");
        thread.setDaemon(true);
        return thread;
    });

    ForecastRuns(JdbcClient jdbc, StoredForecasts stored, AuditTrail audit) {
        this.jdbc = jdbc;
        this.stored = stored;
        this.audit = audit;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Queues a run of each scenario with the same seed; they start after the transaction commits.
     *
     * @param seed null for a new one
     */
    @Transactional
    public List<Long> start(List<Long> scenarioIds, Integer runs, Long seed) {
        Forecasters.requireForecaster();
        var problems = new ArrayList<Problem>();
        if (scenarioIds == null || scenarioIds.isEmpty()) {
            problems.add(Problem.of("scenarios", "forecasting.run.noScenario"));
        }
        else if (scenarioIds.size() > 6) {
            problems.add(Problem.of("scenarios", "forecasting.run.tooMany", 6));
        }
        int count = runs == null ? DEFAULT_RUNS : runs;
        if (count < 1 || count > MAX_RUNS) {
            problems.add(Problem.of("runs", "forecasting.run.runsRange", MAX_RUNS));
        }
        var scenarios = new ArrayList<ForecastScenario>();
        if (scenarioIds != null) {
            for (var id : scenarioIds) {
                stored.scenario(id).ifPresentOrElse(scenarios::add,
                        () -> problems.add(Problem.of("scenarios", "forecasting.run.unknownScenario", id)));
            }
        }
        // The engine keeps every run's weekly stocks in memory: runs × weeks is bounded.
        for (var scenario : scenarios) {
            long weeks = (long) scenario.parameters().get("horizonWeeks") + 1;
            if (count >= 1 && count * weeks > MAX_CELLS) {
                problems.add(Problem.of("runs", "forecasting.run.tooLarge", scenario.name(), MAX_CELLS / weeks));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long chosen = seed != null ? seed : System.nanoTime() & 0xFFFF_FFFFL;
        var ids = new ArrayList<Long>();
        for (var scenario : scenarios) {
            long id = jdbc.sql("""
                    INSERT INTO forecast_run (scenario_id, parameters, start_on, runs, seed, status, requested_by)
                    VALUES (:s, :p, :on, :runs, :seed, 'QUEUED', :by) RETURNING id""")
                    .param("s", scenario.id()).param("p", StoredForecasts.json(scenario.parameters()))
                    .param("on", scenario.startOn()).param("runs", count).param("seed", chosen)
                    .param("by", CurrentUser.actor()).query(Long.class).single();
            audit.recordChange("forecast.run.started", "forecast-scenario", scenario.id(),
                    "run=" + id + " runs=" + count + " seed=" + chosen);
            ids.add(id);
        }
        afterCommit(() -> ids.forEach(id -> worker.submit(() -> execute(id))));
        return ids;
    }

    /** Asks a run to stop; a queued run is cancelled at once. */
    @Transactional
    public void cancel(long id) {
        Forecasters.requireForecaster();
        var run = stored.run(id).orElseThrow(() -> new ForecastNotFound("run " + id));
        if (run.status().finished()) {
            return;
        }
        jdbc.sql("""
                UPDATE forecast_run SET cancel_requested = true,
                       status = CASE WHEN status = 'QUEUED' THEN 'CANCELLED' ELSE status END,
                       finished_at = CASE WHEN status = 'QUEUED' THEN now() ELSE finished_at END
                WHERE id = :id""").param("id", id).update();
        audit.recordChange("forecast.run.cancelled", "forecast-scenario", run.scenarioId(), "run=" + id);
    }

    @Transactional(readOnly = true)
    public ForecastRun find(long id) {
        Forecasters.requireReader();
        return stored.run(id).orElseThrow(() -> new ForecastNotFound("run " + id));
    }

    /** Runs with their progress, without results. */
    @Transactional(readOnly = true)
    public List<ForecastRun> progress(List<Long> ids) {
        Forecasters.requireReader();
        return stored.runs(ids);
    }

    /**
     * Per scenario, the runway of its latest run that finished done before the end of a day (Amsterdam time),
     * scenarios by name: what a report as of that day shows. Runs finished later are not seen.
     */
    @Transactional(readOnly = true)
    public List<ScenarioRunway> runwaysOn(java.time.LocalDate date) {
        Forecasters.requireReader();
        return stored.latestDoneBefore(date.plusDays(1).atStartOfDay(AuditTrail.ZONE).toInstant());
    }

    @Transactional(readOnly = true)
    public List<ForecastRun> recent() {
        Forecasters.requireReader();
        return stored.recentRuns(20);
    }

    private void execute(long id) {
        int started = jdbc.sql("""
                UPDATE forecast_run SET status = 'RUNNING', started_at = now(), heartbeat_at = now()
                WHERE id = :id AND status = 'QUEUED'""").param("id", id).update();
        if (started != 1) {
            return;
        }
        var cancelled = new AtomicBoolean();
        var lastWrite = new AtomicLong();
        try {
            var run = stored.run(id).orElseThrow();
            var forecast = MonteCarlo.run(run.parameters().toEngine(), run.runs(), run.seed(), (done, total) -> {
                long now = System.currentTimeMillis();
                long last = lastWrite.get();
                if (now - last >= PROGRESS_EVERY_MILLIS && lastWrite.compareAndSet(last, now)) {
                    var cancel = jdbc.sql("""
                            UPDATE forecast_run SET done = greatest(done, :done), heartbeat_at = now() WHERE id = :id
                            RETURNING cancel_requested""").param("done", done).param("id", id)
                            .query(Boolean.class).single();
                    if (Boolean.TRUE.equals(cancel)) {
                        cancelled.set(true);
                    }
                }
            }, cancelled::get);
            jdbc.sql("""
                    UPDATE forecast_run SET status = 'DONE', done = runs, result = :r, finished_at = now(), heartbeat_at = now()
                    WHERE id = :id""").param("r", StoredForecasts.json(forecast)).param("id", id).update();
        }
        catch (CancellationException e) {
            jdbc.sql("UPDATE forecast_run SET status = 'CANCELLED', finished_at = now() WHERE id = :id")
                    .param("id", id).update();
        }
        catch (RuntimeException | OutOfMemoryError e) {
            log.warn("Forecast run {} failed", id, e);
            jdbc.sql("UPDATE forecast_run SET status = 'FAILED', failure = :f, finished_at = now() WHERE id = :id")
                    .param("f", e.getClass().getSimpleName()).param("id", id).update();
        }
    }

    /**
     * Runs whose node stopped: running without a heartbeat for two minutes, or queued for ten, end as failed,
     * so that no page waits for them for ever.
     */
    @Scheduled(fixedDelay = 60_000, initialDelay = 30_000)
    void sweep() {
        jdbc.sql("""
                UPDATE forecast_run SET status = 'FAILED', failure = 'interrupted', finished_at = now()
                WHERE (status = 'RUNNING' AND heartbeat_at < now() - interval '2 minutes')
                   OR (status = 'QUEUED' AND requested_at < now() - interval '10 minutes')""").update();
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
        else {
            action.run();
        }
    }
}
