package nl.doorstroom.governance;

import java.time.LocalDate;
import java.util.List;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark (not a test: the name does not end in Tests, so the suite skips it; run by bench/governance-jobs.sh):
 * the time from asking to DONE for a weekly report and a letter batch to every municipality, on the shared test
 * context with the demo data. Prints figures, asserts nothing.
 */
@IntegrationTest
class GovernanceJobsBench {

    @Autowired
    GovernanceJobs jobs;
    @Autowired
    WeeklyReports reports;
    @Autowired
    TableLetterBatches batches;
    @Autowired
    TableLetterTemplates templates;

    @Test
    void timeToDone() throws Exception {
        var today = LocalDate.now(AuditTrail.ZONE);
        for (int i = 1; i <= 3; i++) {
            long asked = System.nanoTime();
            var job = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> reports.start(today, null));
            long answered = System.nanoTime();
            var done = waitFor(job.id());
            System.out.printf("BENCH weekly report #%d: answered in %d ms, %s after %d ms (%d of %d steps)%n", i,
                    (answered - asked) / 1_000_000, done.status(), (System.nanoTime() - asked) / 1_000_000,
                    done.done(), done.total());
        }
        var template = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> templates.templates().get(0));
        var all = TestUsers.as(Role.NATIONAL_COORDINATOR,
                () -> batches.candidates(new TableLetterSelection(null, null, null, false, List.of()), today))
                .stream().map(TableLetterFigures::code).toList();
        for (int i = 1; i <= 2; i++) {
            long asked = System.nanoTime();
            var job = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> batches.start(template.id(), null, all, today));
            long answered = System.nanoTime();
            var done = waitFor(job.id());
            System.out.printf("BENCH letter batch of %d municipalities #%d: answered in %d ms, %s after %d ms "
                    + "(%d of %d steps)%n", all.size(), i, (answered - asked) / 1_000_000, done.status(),
                    (System.nanoTime() - asked) / 1_000_000, done.done(), done.total());
        }
    }

    private GovernanceJob waitFor(long id) throws Exception {
        while (true) {
            var job = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> jobs.find(id));
            if (job.status().finished()) {
                return job;
            }
            Thread.sleep(50);
        }
    }
}
