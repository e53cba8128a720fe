package nl.doorstroom.permitholders;

import java.util.List;

/**
 * A household with its links and timeline, as the reader may see it.
 *
 * @param redacted true for a municipality's view: composition and needs only, its own link and steps
 */
public record HouseholdDetail(Household household, List<Link> links, List<TimelineEntry> timeline, boolean redacted) {
}
