package nl.doorstroom.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The open action items of the table for the weekly report. Empty (not available) until the table's
 * meetings and action items are kept in this module; the report then says so instead of showing none.
 */
@Component
class WeeklyReportActions {

    Optional<List<ReportFigures.ActionItemLine>> openOn(LocalDate date) {
        return Optional.empty();
    }
}
