package nl.doorstroom.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Weekly reports and letter batches made in the background, after the rule that long work shows progress and
 * can be cancelled (as the forecasting module's runs): a job is queued in the database and run on the node that
 * queued it, one at a time, under the identity that asked. Its progress, heartbeat and cancel flag live in the
 * database, so every node shows and cancels it; what it makes is stored only together with its DONE mark.
 */
@Service
public class GovernanceJobs {

    /** Roles that see a job at all: those that make reports or write letters. */
    public static final Set<Role> ROLES;

    static {
        var roles = EnumSet.copyOf(WeeklyReports.GENERATORS);
        roles.addAll(TableLetterWriters.WRITERS);
        ROLES = java.util.Collections.unmodifiableSet(roles);
    }

    private static final Logger log = LoggerFactory.getLogger(GovernanceJobs.class);

    private static final String COLUMNS = """
            SELECT id, kind, status, step_key, done, total, requested_by, requested_at, finished_at,
                   cancel_requested, result_id, error_key, error_detail FROM governance_job""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "governance-jobs");
        thread.setDaemon(true);
        return thread;
    });

    GovernanceJobs(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Reports a job's steps; a step reached after a cancel request stops the job. */
    interface Progress {

        Progress NONE = (key, done) -> {
        };

        /** Starts a step; throws {@link Cancelled} when the job was asked to stop. */
        void step(String key, int done);
    }

    /** The work of a job: the slow part, returning how to store what it made (called in the DONE transaction). */
    interface Work {

        Supplier<Long> prepare(Progress progress);
    }

    /** A job stopped at a cancel request. */
    static final class Cancelled extends RuntimeException {

        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /** A job that cannot be done for a reason the user can read (a message key and codes, no personal data). */
    static final class Failed extends RuntimeException {

        final String key;
        final String detail;

        Failed(String key, String detail) {
            super(key, null, false, false);
            this.key = key;
            this.detail = detail;
        }
    }

    /** Queues a job; it starts after the surrounding transaction commits, under the caller's identity. */
    long submit(GovernanceJob.Kind kind, int total, Work work) {
        var actor = CurrentUser.actor();
        long id = transactions.execute(tx -> {
            long added = jdbc.sql("""
                    INSERT INTO governance_job (kind, status, total, requested_by, step_key)
                    VALUES (:kind, 'QUEUED', :total, :by, 'governance.job.step.queued') RETURNING id""")
                    .param("kind", kind.name()).param("total", total).param("by", actor).query(Long.class).single();
            audit.recordChange("governance.job.queued", "governance-job", added, "kind=" + kind);
            return added;
        });
        // The worker thread runs as the one who asked: the facades it calls check that identity's role and scope.
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        Runnable task = () -> {
            var previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(context);
            try {
                execute(id, work);
            }
            finally {
                SecurityContextHolder.setContext(previous);
            }
        };
        afterCommit(() -> worker.submit(task));
        return id;
    }

    private void execute(long id, Work work) {
        int started = jdbc.sql("""
                UPDATE governance_job SET status = 'RUNNING', started_at = now(), heartbeat_at = now()
                WHERE id = :id AND status = 'QUEUED' AND NOT cancel_requested""").param("id", id).update();
        if (started != 1) {
            return;
        }
        try {
            var store = work.prepare((key, done) -> {
                var cancel = jdbc.sql("""
                        UPDATE governance_job SET heartbeat_at = now(),
                               step_key = CASE WHEN cancel_requested THEN step_key ELSE :key END,
                               done = CASE WHEN cancel_requested THEN done ELSE greatest(done, :done) END
                        WHERE id = :id RETURNING cancel_requested""").param("key", key).param("done", done)
                        .param("id", id).query(Boolean.class).single();
                if (Boolean.TRUE.equals(cancel)) {
                    throw new Cancelled();
                }
            });
            // All or nothing: the result is stored in the transaction that marks the job done, and only while no
            // cancel was asked (the row lock of the update orders it against a cancel).
            transactions.executeWithoutResult(tx -> {
                int marked = jdbc.sql("""
                        UPDATE governance_job SET status = 'DONE', done = total, step_key = null, finished_at = now(),
                               heartbeat_at = now()
                        WHERE id = :id AND status = 'RUNNING' AND NOT cancel_requested""").param("id", id).update();
                if (marked != 1) {
                    throw new Cancelled();
                }
                long result = store.get();
                jdbc.sql("UPDATE governance_job SET result_id = :r WHERE id = :id").param("r", result)
                        .param("id", id).update();
            });
        }
        catch (Cancelled e) {
            finish(id, "CANCELLED", null, null);
        }
        catch (Failed e) {
            finish(id, "FAILED", e.key, e.detail);
        }
        catch (RuntimeException | OutOfMemoryError e) {
            // The class name only: a message may quote data.
            log.warn("Governance job {} failed", id, e);
            finish(id, "FAILED", "governance.job.error.failed", e.getClass().getSimpleName());
        }
    }

    private void finish(long id, String status, String key, String detail) {
        jdbc.sql("""
                UPDATE governance_job SET status = :status, error_key = :key, error_detail = :detail,
                       finished_at = now(), step_key = null
                WHERE id = :id AND status IN ('QUEUED', 'RUNNING')""").param("status", status).param("key", key)
                .param("detail", detail == null ? null : detail.substring(0, Math.min(500, detail.length())))
                .param("id", id).update();
    }

    /** A job the signed-in user may see. */
    public GovernanceJob find(long id) {
        var user = requireRole();
        var job = load(id).orElseThrow(() -> new GovernanceJobNotFound(id));
        if (!sees(user, job)) {
            throw new GovernanceJobNotFound(id);
        }
        return job;
    }

    /** The latest jobs of a kind the signed-in user may see, newest first. */
    public List<GovernanceJob> latest(GovernanceJob.Kind kind, int limit) {
        var user = requireRole();
        if (!mayMake(user, kind)) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE kind = :kind ORDER BY requested_at DESC, id DESC LIMIT :n")
                .param("kind", kind.name()).param("n", Math.max(1, Math.min(100, limit)))
                .query((rs, n) -> job(rs)).list().stream().filter(j -> sees(user, j)).toList();
    }

    /** Asks a job to stop: a queued one is cancelled at once, a running one at its next step. */
    public GovernanceJob cancel(long id) {
        var job = find(id);
        if (job.status().finished()) {
            return job;
        }
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    UPDATE governance_job SET cancel_requested = true,
                           status = CASE WHEN status = 'QUEUED' THEN 'CANCELLED' ELSE status END,
                           finished_at = CASE WHEN status = 'QUEUED' THEN now() ELSE finished_at END
                    WHERE id = :id AND status IN ('QUEUED', 'RUNNING')""").param("id", id).update();
            audit.recordChange("governance.job.cancelled", "governance-job", id, "kind=" + job.kind());
        });
        return load(id).orElseThrow();
    }

    public static boolean mayCancel(GovernanceJob job) {
        return CurrentUser.get().map(u -> !job.status().finished() && mayMake(u, job.kind())).orElse(false);
    }

    /**
     * Jobs whose node stopped: running without a heartbeat for two minutes, or queued for ten, end as failed, so
     * that no page waits for them for ever.
     */
    @Scheduled(fixedDelay = 60_000, initialDelay = 30_000)
    void sweep() {
        int swept = jdbc.sql("""
                UPDATE governance_job SET status = 'FAILED', error_key = 'governance.job.error.interrupted',
                       finished_at = now(), step_key = null
                WHERE (status = 'RUNNING' AND heartbeat_at < now() - interval '2 minutes')
                   OR (status = 'QUEUED' AND requested_at < now() - interval '10 minutes')""").update();
        if (swept > 0) {
            log.info("Governance jobs: {} interrupted job(s) marked failed", swept);
        }
    }

    private Optional<GovernanceJob> load(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query((rs, n) -> job(rs)).optional();
    }

    private static GovernanceJob job(ResultSet rs) throws SQLException {
        var finished = rs.getTimestamp(9);
        return new GovernanceJob(rs.getLong(1), GovernanceJob.Kind.valueOf(rs.getString(2)),
                GovernanceJob.Status.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5), rs.getInt(6),
                rs.getString(7), rs.getTimestamp(8).toInstant(), finished == null ? null : finished.toInstant(),
                rs.getBoolean(10), rs.getObject(11, Long.class), rs.getString(12), rs.getString(13));
    }

    private static DoorstroomUser requireRole() {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!ROLES.contains(user.role())) {
            throw new AccessDeniedException("This role makes no reports or letters");
        }
        return user;
    }

    /** A report job is the report makers'; a letter job the writers', a province supervisor's own only. */
    private static boolean mayMake(DoorstroomUser user, GovernanceJob.Kind kind) {
        return kind == GovernanceJob.Kind.WEEKLY_REPORT ? WeeklyReports.GENERATORS.contains(user.role())
                : TableLetterWriters.WRITERS.contains(user.role());
    }

    private static boolean sees(DoorstroomUser user, GovernanceJob job) {
        if (!mayMake(user, job.kind())) {
            return false;
        }
        // A supervisor's batches are the own province's; another's job could name other municipalities.
        return job.kind() != GovernanceJob.Kind.LETTER_BATCH || TableLetterWriters.provinceOf(user) == null
                || job.requestedBy().equals(user.username());
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
