package nl.doorstroom.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The table's action items open on the report's date, as their status stood that day. The report names the
 * owning organisation only, not the person: a kept report should hold no one's name.
 */
@Component
class WeeklyReportActions {

    private final ActionItems items;

    WeeklyReportActions(ActionItems items) {
        this.items = items;
    }

    Optional<List<ReportFigures.ActionItemLine>> openOn(LocalDate date) {
        return Optional.of(items.openOn(date).stream()
                .map(i -> new ReportFigures.ActionItemLine(i.what(), i.ownerOrganisation(), i.dueOn(), i.overdueOn(date)))
                .toList());
    }
}
