package nl.doorstroom.permitholders;

import java.time.LocalDate;
import java.util.List;

/**
 * Overdue households of the nation (a row per province, and one for households still awaiting a
 * link) or of a province (a row per municipality), on a date.
 */
public record OverdueOverview(LocalDate date, List<OverdueRow> rows, OverdueRow total) {
}
