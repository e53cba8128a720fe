package nl.doorstroom.matching;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.matching.engine.LinkingEngine;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.MunicipalityCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the optimiser in the background, at most two runs at a time per node (others wait their turn);
 * reports progress to the database about twice a second and reads there whether anyone (on any node)
 * asked to cancel. Every ten seconds the node writes a heartbeat for each run it holds, waiting or working,
 * and fails the runs whose node stopped (no heartbeat for a minute), so that no run stays "running" for good.
 */
@Component
class RunExecutor {

    private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);
    private static final long REPORT_NANOS = 500_000_000L;

    private final StoredRuns runs;
    private final MunicipalityRegistry registry;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Map<Long, AtomicBoolean> cancels = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(2, task -> {
        var thread = new Thread(task, "linking-run");
        thread.setDaemon(true);
        return thread;
    });

    RunExecutor(StoredRuns runs, MunicipalityRegistry registry, AuditTrail audit, TransactionTemplate transactions) {
        this.runs = runs;
        this.registry = registry;
        this.audit = audit;
        this.transactions = transactions;
    }

    private volatile boolean stopping;

    /** Runs that a stopped node left behind are marked failed, so nobody waits for them. */
    @EventListener(ApplicationReadyEvent.class)
    void endInterrupted() {
        runs.endInterrupted("linking.failure.interrupted");
    }

    /** The heartbeat of every run this node holds, and the sweep of runs whose node stopped. */
    @Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
    void heartbeat() {
        if (!cancels.isEmpty()) {
            runs.heartbeat(cancels.keySet());
        }
        runs.endInterrupted("linking.failure.interrupted");
    }

    /** A node that stops ends its runs as interrupted (not as cancelled: nobody asked). */
    @PreDestroy
    void stop() {
        stopping = true;
        cancels.values().forEach(flag -> flag.set(true));
        pool.shutdownNow();
        for (var id : cancels.keySet()) {
            try {
                runs.end(id, LinkingRun.Status.FAILED, "linking.failure.interrupted");
            }
            catch (RuntimeException | Error e) {
                log.warn("Linking run {} could not be marked interrupted: {}", id, e.getClass().getName());
            }
        }
    }

    void submit(long id) {
        cancels.put(id, new AtomicBoolean());
        pool.execute(() -> execute(id));
    }

    /** Asks a run on this node to stop at once (other nodes notice the request in the database). */
    void cancel(long id) {
        var flag = cancels.get(id);
        if (flag != null) {
            flag.set(true);
        }
    }

    boolean isActive(long id) {
        return cancels.containsKey(id);
    }

    RunProblem problem(LinkingRun run) {
        var neighbours = new ConcurrentHashMap<MunicipalityCode, Set<MunicipalityCode>>();
        return new RunProblem(runs.households(run.id()), runs.municipalities(run.id()), run.weights(), run.runDate(),
                code -> neighbours.computeIfAbsent(code, c -> registry.neighboursOf(c).stream()
                        .map(Municipality::code).collect(Collectors.toSet())));
    }

    private void execute(long id) {
        var cancelled = cancels.get(id);
        try {
            var run = runs.find(id).orElseThrow();
            if (run.status() != LinkingRun.Status.RUNNING) {
                return; // failed by the sweep while it waited
            }
            if (cancelled.get() || run.cancelRequested()) {
                transactions.executeWithoutResult(status -> {
                    runs.end(id, LinkingRun.Status.CANCELLED, null);
                    audit.record(CurrentUser.SYSTEM, "linking-run.cancelled", "linking-run", id, "before it started");
                });
                return;
            }
            var problem = problem(run);
            var reporter = new Reporter(id, cancelled);
            var solution = LinkingEngine.solve(problem.instance(), run.seconds(), reporter::cancelled, reporter);
            if (stopping) {
                return; // ended as interrupted by stop()
            }
            if (cancelled.get()) {
                transactions.executeWithoutResult(status -> {
                    runs.progress(id, solution.objective(), solution.bound(), solution.seconds());
                    runs.end(id, LinkingRun.Status.CANCELLED, null);
                    audit.record(CurrentUser.SYSTEM, "linking-run.cancelled", "linking-run", id, null);
                });
                return;
            }
            var outcomes = problem.outcomes(solution);
            transactions.executeWithoutResult(status -> {
                if (!runs.finish(id, solution.objective(), solution.bound(), solution.seconds(),
                        solution.linkedHouseholds(), solution.linkedPersons(), outcomes)) {
                    return; // ended meanwhile (the sweep): its outcome is not stored
                }
                audit.record(CurrentUser.SYSTEM, "linking-run.finished", "linking-run", id,
                        "linked_households=" + solution.linkedHouseholds() + " objective=" + solution.objective()
                                + " bound=" + solution.bound());
            });
        }
        catch (RuntimeException | Error e) {
            // No personal data in the log (a message may quote a reference): the kind of failure and where.
            var where = e.getStackTrace().length == 0 ? "" : e.getStackTrace()[0].toString();
            log.warn("Linking run {} failed: {} at {}", id, e.getClass().getName(), where);
            try {
                runs.end(id, LinkingRun.Status.FAILED, "linking.failure.error");
            }
            catch (RuntimeException ignored) {
                // The sweep ends it once its heartbeat stops.
            }
            if (e instanceof VirtualMachineError error) {
                throw error;
            }
        }
        finally {
            cancels.remove(id);
        }
    }

    /** Keeps the engine's latest figures and writes them (and reads a cancel request) at most twice a second. */
    private final class Reporter implements LinkingEngine.Progress {

        private final long id;
        private final AtomicBoolean cancelled;
        private long last = System.nanoTime();
        private long objective = -1;
        private long bound = -1;
        private double seconds;

        Reporter(long id, AtomicBoolean cancelled) {
            this.id = id;
            this.cancelled = cancelled;
        }

        @Override
        public void report(long objective, long bound, double seconds) {
            this.objective = objective;
            this.bound = bound;
            this.seconds = seconds;
        }

        boolean cancelled() {
            long now = System.nanoTime();
            if (now - last >= REPORT_NANOS) {
                last = now;
                if (objective >= 0 && runs.progress(id, objective, bound, seconds)) {
                    cancelled.set(true);
                }
            }
            return cancelled.get();
        }
    }
}
