package nl.doorstroom.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import nl.doorstroom.identity.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Makes the weekly report by itself, each Friday at 07:00 in the Netherlands unless
 * {@code doorstroom.governance.report-cron} says otherwise ({@code -} turns it off). The job guards itself too:
 * it makes a report only on a day the cron fires (with the schedule off, on Fridays), and only one per date
 * across nodes.
 */
@Component
class WeeklyReportSchedule {

    private static final Logger log = LoggerFactory.getLogger(WeeklyReportSchedule.class);

    private final WeeklyReports reports;
    /** The schedule's default: Fridays at 07:00. */
    static final String DEFAULT_CRON = "0 0 7 * * FRI";

    private final CronExpression cron;

    // The day check follows the cron itself: a second setting for the day would let a changed cron make nothing.
    WeeklyReportSchedule(WeeklyReports reports,
            @Value("${doorstroom.governance.report-cron:" + DEFAULT_CRON + "}") String cron) {
        this.reports = reports;
        this.cron = CronExpression.parse("-".equals(cron.strip()) ? DEFAULT_CRON : cron.strip());
    }

    @Scheduled(cron = "${doorstroom.governance.report-cron:" + DEFAULT_CRON + "}", zone = "Europe/Amsterdam")
    void weekly() {
        runAt(Clock.system(AuditTrail.ZONE));
    }

    /** The job as it runs at the clock's moment: the report dated that day (Amsterdam), on a scheduled day only. */
    Optional<WeeklyReport> runAt(Clock clock) {
        var today = LocalDate.now(clock.withZone(AuditTrail.ZONE));
        var fires = cron.next(today.atStartOfDay(AuditTrail.ZONE).minusNanos(1));
        if (fires == null || !fires.toLocalDate().equals(today)) {
            log.info("Weekly report: the schedule does not run on {}, nothing made", today);
            return Optional.empty();
        }
        var made = reports.generateScheduled(today);
        if (made.isEmpty()) {
            log.info("Weekly report as of {} was made already", today);
        }
        return made;
    }
}
