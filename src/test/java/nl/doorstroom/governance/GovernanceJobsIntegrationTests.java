package nl.doorstroom.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import nl.doorstroom.ApiClient;
import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Weekly reports and letter batches in the background: a job runs to done with its progress at the total, a
 * cancelled job keeps nothing, a job whose node stopped is swept to failed, and only the makers of its kind see
 * and cancel a job.
 */
@IntegrationTest
class GovernanceJobsIntegrationTests {

    static final LocalDate TODAY = LocalDate.now(AuditTrail.ZONE);

    @Autowired
    GovernanceJobs jobs;
    @Autowired
    WeeklyReports reports;
    @Autowired
    TableLetterBatches batches;
    @Autowired
    TableLetterTemplates templates;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AccountAdministration accounts;

    GovernanceJob waitFor(long id) throws Exception {
        long until = System.currentTimeMillis() + 120_000;
        while (true) {
            var job = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> jobs.find(id));
            if (job.status().finished() || System.currentTimeMillis() > until) {
                return job;
            }
            Thread.sleep(100);
        }
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** Holds the single worker until released, so that the next job stays queued. */
    CountDownLatch blockWorker() throws Exception {
        var release = new CountDownLatch(1);
        var running = new CountDownLatch(1);
        TestUsers.as(Role.NATIONAL_COORDINATOR, () -> jobs.submit(GovernanceJob.Kind.WEEKLY_REPORT, 1, progress -> {
            running.countDown();
            await(release);
            return () -> {
                throw new IllegalStateException("the blocker stores nothing");
            };
        }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aReportJobRunsToDoneWithItsProgressAtTheTotalAndNamesTheReport() throws Exception {
        var job = TestUsers.as(Role.MINISTRY_ANALYST, () -> reports.start(TODAY.minusDays(5), Locale.ENGLISH));
        assertThat(job.kind()).isEqualTo(GovernanceJob.Kind.WEEKLY_REPORT);
        assertThat(job.total()).isEqualTo(WeeklyReports.STEPS);

        var done = waitFor(job.id());

        assertThat(done.status()).as(done.toString()).isEqualTo(GovernanceJob.Status.DONE);
        assertThat(done.done()).isEqualTo(done.total());
        assertThat(done.percent()).isEqualTo(100);
        var report = TestUsers.as(Role.MINISTRY_ANALYST, () -> reports.find(done.resultId()));
        assertThat(report.referenceDate()).isEqualTo(TODAY.minusDays(5));
        assertThat(report.locale().getLanguage()).isEqualTo("en");
        // Made under the identity that asked, not as the worker thread's nobody.
        assertThat(report.generatedBy()).isEqualTo("test-ministry_analyst");
        assertThat(done.resultPdf()).isEqualTo("/governance/reports/" + report.id() + "/pdf");
    }

    @Test
    void aLetterJobWritesEveryLetterAndKeepsTheBatch() throws Exception {
        var template = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> templates.templates().get(0));
        var codes = List.of(MunicipalityCode.of("GM0344"), MunicipalityCode.of("GM0355"), MunicipalityCode.of("GM0356"));
        var job = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> batches.start(template.id(), template.version(), codes,
                TODAY));
        assertThat(job.total()).isEqualTo(codes.size() + 2);

        var done = waitFor(job.id());

        assertThat(done.status()).as(done.toString()).isEqualTo(GovernanceJob.Status.DONE);
        assertThat(done.done()).isEqualTo(done.total());
        var batch = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> batches.batch(done.resultId()));
        assertThat(batch.municipalities()).containsExactlyElementsOf(codes);
    }

    @Test
    void aQueuedReportJobCancelledKeepsNoReport() throws Exception {
        long before = count("weekly_report");
        var release = blockWorker();
        GovernanceJob job;
        try {
            job = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> reports.start(TODAY.minusDays(6), null));
            assertThat(job.status()).isEqualTo(GovernanceJob.Status.QUEUED);
            var cancelled = TestUsers.as(Role.ADMINISTRATOR, () -> jobs.cancel(job.id()));
            assertThat(cancelled.status()).isEqualTo(GovernanceJob.Status.CANCELLED);
        }
        finally {
            release.countDown();
        }
        Thread.sleep(300);
        assertThat(waitFor(job.id()).status()).isEqualTo(GovernanceJob.Status.CANCELLED);
        assertThat(count("weekly_report")).isEqualTo(before);
    }

    @Test
    void aRunningJobStopsAtItsNextStepAndStoresNothing() throws Exception {
        var atFirstStep = new CountDownLatch(1);
        var goOn = new CountDownLatch(1);
        var stored = new AtomicBoolean();
        var stepsAfterCancel = new AtomicBoolean();
        long id = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> jobs.submit(GovernanceJob.Kind.LETTER_BATCH, 3, p -> {
            p.step("governance.job.step.letters", 1);
            atFirstStep.countDown();
            await(goOn);
            p.step("governance.job.step.render", 2);
            stepsAfterCancel.set(true);
            return () -> {
                stored.set(true);
                return 1L;
            };
        }));
        assertThat(atFirstStep.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(TestUsers.as(Role.NATIONAL_COORDINATOR, () -> jobs.find(id)).status())
                .isEqualTo(GovernanceJob.Status.RUNNING);

        TestUsers.as(Role.MINISTRY_ANALYST, () -> jobs.cancel(id).id());
        goOn.countDown();

        var finished = waitFor(id);
        assertThat(finished.status()).isEqualTo(GovernanceJob.Status.CANCELLED);
        assertThat(finished.done()).isEqualTo(1);
        assertThat(stepsAfterCancel).isFalse();
        assertThat(stored).isFalse();
        assertThat(finished.resultId()).isNull();
    }

    @Test
    void aCancelAfterTheLastStepStillKeepsNothing() throws Exception {
        var lastStep = new CountDownLatch(1);
        var goOn = new CountDownLatch(1);
        var stored = new AtomicBoolean();
        long id = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> jobs.submit(GovernanceJob.Kind.WEEKLY_REPORT, 1, p -> {
            p.step("governance.job.step.pdf", 0);
            lastStep.countDown();
            await(goOn);
            return () -> {
                stored.set(true);
                return 1L;
            };
        }));
        assertThat(lastStep.await(30, TimeUnit.SECONDS)).isTrue();
        TestUsers.as(Role.NATIONAL_COORDINATOR, () -> jobs.cancel(id));
        goOn.countDown();

        assertThat(waitFor(id).status()).isEqualTo(GovernanceJob.Status.CANCELLED);
        assertThat(stored).isFalse();
    }

    @Test
    void aFailingJobEndsFailedWithoutItsMessage() throws Exception {
        long id = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> jobs.submit(GovernanceJob.Kind.WEEKLY_REPORT, 1, p -> {
            throw new IllegalStateException("Jansen, BSN 123456782");
        }));
        var failed = waitFor(id);
        assertThat(failed.status()).isEqualTo(GovernanceJob.Status.FAILED);
        assertThat(failed.errorKey()).isEqualTo("governance.job.error.failed");
        assertThat(failed.errorDetail()).isEqualTo("IllegalStateException");
    }

    @Test
    void aJobWhoseHeartbeatStoppedIsSweptToFailed() throws Exception {
        long stale = jdbc.sql("""
                INSERT INTO governance_job (kind, status, total, done, requested_by, started_at, heartbeat_at)
                VALUES ('WEEKLY_REPORT', 'RUNNING', 4, 2, 'test-sweep', now() - interval '10 minutes',
                        now() - interval '5 minutes') RETURNING id""").query(Long.class).single();
        long alive = jdbc.sql("""
                INSERT INTO governance_job (kind, status, total, done, requested_by, started_at, heartbeat_at)
                VALUES ('WEEKLY_REPORT', 'RUNNING', 4, 2, 'test-sweep', now(), now()) RETURNING id""")
                .query(Long.class).single();
        long queuedLong = jdbc.sql("""
                INSERT INTO governance_job (kind, status, total, requested_by, requested_at)
                VALUES ('LETTER_BATCH', 'QUEUED', 3, 'test-sweep', now() - interval '11 minutes') RETURNING id""")
                .query(Long.class).single();
        try {
            jobs.sweep();

            var swept = waitFor(stale);
            assertThat(swept.status()).isEqualTo(GovernanceJob.Status.FAILED);
            assertThat(swept.errorKey()).isEqualTo("governance.job.error.interrupted");
            assertThat(waitFor(queuedLong).status()).isEqualTo(GovernanceJob.Status.FAILED);
            assertThat(TestUsers.as(Role.NATIONAL_COORDINATOR, () -> jobs.find(alive)).status())
                    .isEqualTo(GovernanceJob.Status.RUNNING);
        }
        finally {
            // The live one is made up: end it so that no page shows it running.
            jdbc.sql("UPDATE governance_job SET status = 'FAILED' WHERE id = :id").param("id", alive).update();
        }
    }

    @Test
    void onlyTheMakersOfAKindSeeAndCancelItsJobs() throws Exception {
        long report = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> jobs.submit(GovernanceJob.Kind.WEEKLY_REPORT, 1,
                p -> () -> {
                    throw new IllegalStateException("not stored");
                }));
        long letters = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> jobs.submit(GovernanceJob.Kind.LETTER_BATCH, 1,
                p -> () -> {
                    throw new IllegalStateException("not stored");
                }));
        waitFor(report);
        waitFor(letters);

        // A supervisor writes letters but makes no reports: the report job does not exist for it.
        assertThatThrownBy(() -> TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> jobs.cancel(report)))
                .isInstanceOf(GovernanceJobNotFound.class);
        assertThatThrownBy(() -> TestUsers.as(Role.MUNICIPALITY_OFFICER, () -> jobs.find(report)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(Role.COA_PLANNER, () -> jobs.cancel(letters)))
                .isInstanceOf(AccessDeniedException.class);
        // Another province's supervisor does not see a supervisor's letter job; the national members do.
        var other = new DoorstroomUser(9, "test-other-supervisor", "Other", Role.PROVINCE_SUPERVISOR,
                Scope.province(ProvinceCode.of("PV27")));
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(other));
        try {
            assertThatThrownBy(() -> jobs.find(letters)).isInstanceOf(GovernanceJobNotFound.class);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(TestUsers.as(Role.MINISTRY_ANALYST, () -> jobs.find(letters).id())).isEqualTo(letters);

        var api = new ApiClient(mvc, tokens, accounts);
        assertThat(api.send(post("/api/v1/governance-jobs/" + report + "/cancellation"), api.token("municipality-utrecht"),
                "").getStatus()).isEqualTo(403);
        api.problem(api.send(post("/api/v1/governance-jobs/" + report + "/cancellation"), api.token("province-utrecht"),
                ""), 404);
        var cancelled = api.json(api.send(post("/api/v1/governance-jobs/" + report + "/cancellation"),
                api.token("analyst"), ""));
        // Finished already (it failed): a cancel changes nothing.
        assertThat(cancelled.get("status").asString()).isEqualTo("FAILED");
    }
}
