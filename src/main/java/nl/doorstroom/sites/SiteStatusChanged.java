package nl.doorstroom.sites;

import java.time.LocalDate;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * A temporary site moved to another status (or was registered: {@code from} is then {@code null}), for
 * modules that count places, such as the coordination centre's extra places per week.
 *
 * @param capacity the site's capacity in persons at the time
 */
public record SiteStatusChanged(long site, MunicipalityCode municipality, SiteKind kind, SiteStatus from,
        SiteStatus to, LocalDate occurredOn, int capacity) {
}
