package nl.doorstroom.governance;

import java.time.Instant;
import java.time.LocalDate;

/** One status an action item had, from which day, set by whom and when, with an optional note. */
public record ActionItemStatusChange(ActionItemStatus status, LocalDate on, String by, Instant at, String note) {
}
