package nl.doorstroom.sites;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step in a site's status history: who moved it, on which day and when it was recorded, from which
 * status ({@code null} when the site was registered) to which, and why.
 */
public record StatusChange(long id, SiteStatus from, SiteStatus to, LocalDate occurredOn, String reason,
        String changedBy, Instant changedAt) {
}
