package nl.doorstroom.governance;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;

import nl.doorstroom.identity.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes the weekly report by itself, each Friday at 07:00 in the Netherlands unless
 * {@code doorstroom.governance.report-cron} says otherwise ({@code -} turns it off). The job guards itself too:
 * it makes a report only on the configured day, and only one per date across nodes.
 */
@Component
class WeeklyReportSchedule {

    private static final Logger log = LoggerFactory.getLogger(WeeklyReportSchedule.class);

    private final WeeklyReports reports;
    private final DayOfWeek day;

    WeeklyReportSchedule(WeeklyReports reports,
            @Value("${doorstroom.governance.report-day:FRIDAY}") DayOfWeek day) {
        this.reports = reports;
        this.day = day;
    }

    @Scheduled(cron = "${doorstroom.governance.report-cron:0 0 7 * * FRI}", zone = "Europe/Amsterdam")
    void weekly() {
        runAt(Clock.system(AuditTrail.ZONE));
    }

    /** The job as it runs at the clock's moment: the report dated that day (Amsterdam), on the report day only. */
    Optional<WeeklyReport> runAt(Clock clock) {
        var today = LocalDate.now(clock.withZone(AuditTrail.ZONE));
        if (today.getDayOfWeek() != day) {
            log.info("Weekly report: {} is no {}, nothing made", today, day);
            return Optional.empty();
        }
        var made = reports.generateScheduled(today);
        if (made.isEmpty()) {
            log.info("Weekly report as of {} was made already", today);
        }
        return made;
    }
}
