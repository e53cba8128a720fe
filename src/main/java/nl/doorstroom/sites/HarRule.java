package nl.doorstroom.sites;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * Whether a temporary site can take placements under the hotel and accommodation scheme (HAR): a linked
 * permit holder may stay at most 6 months in temporary accommodation inside the linked municipality
 * (DOMAIN.md, HAR). The minutes of 3 November 2023 fund all the outflow options through the HAR, so the
 * kind of site does not matter; what matters is where it lies and when it is available.
 *
 * <ul>
 * <li>A site <em>qualifies</em> on a day when it can still take a placement: it is not closed or dropped,
 * the day it becomes available is known, and it is still available on that day or later (no end of
 * availability, or one on or after that day). The status of the talks otherwise does not count: a site
 * being negotiated qualifies, so that the coordination centre sees which talks could lead to HAR places.</li>
 * <li>A <em>placement</em> there is only for a household linked to the municipality the site lies in
 * (which is why the site's municipality, not its address, decides); it starts within the availability and
 * ends at the latest 6 months after it starts, or when the availability ends if that is earlier
 * ({@link #latestEnd}).</li>
 * </ul>
 */
public final class HarRule {

    /** A HAR placement lasts at most 6 months (DOMAIN.md, HAR). */
    public static final Period MAXIMUM_PLACEMENT = Period.ofMonths(6);

    private HarRule() {
    }

    public static boolean qualifies(TemporarySite site, LocalDate on) {
        return !site.status().ended() && site.availableFrom() != null
                && (site.availableUntil() == null || !site.availableUntil().isBefore(on));
    }

    /**
     * The last day of a placement that starts on {@code start}: 6 months on, or the last day of the
     * availability if that comes first. Empty when no placement can start that day (the site does not
     * qualify, or is not available then).
     */
    public static Optional<LocalDate> latestEnd(TemporarySite site, LocalDate start) {
        if (!qualifies(site, start) || start.isBefore(site.availableFrom())) {
            return Optional.empty();
        }
        var end = start.plus(MAXIMUM_PLACEMENT);
        return Optional.of(site.availableUntil() != null && site.availableUntil().isBefore(end)
                ? site.availableUntil() : end);
    }

    /** Whether a household linked to {@code linkedTo} may stay at the site from {@code start} to {@code end} under the HAR. */
    public static boolean allowsPlacement(TemporarySite site, MunicipalityCode linkedTo, LocalDate start, LocalDate end) {
        return site.municipality().equals(linkedTo) && !end.isBefore(start)
                && latestEnd(site, start).map(latest -> !end.isAfter(latest)).orElse(false);
    }
}
