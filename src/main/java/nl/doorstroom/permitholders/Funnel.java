package nl.doorstroom.permitholders;

/**
 * How far the households of an area got: registered with a permit, linked, offered a home, counted
 * (housed, or placed under the HAR), with the median days each step took.
 * For a province or municipality the households are those linked to it, so {@code registered} equals
 * the households ever linked there that are still linked. A median is null over fewer than
 * {@link HouseholdOverview#MEDIAN_MINIMUM} households.
 */
public record Funnel(Count registered, Count linked, Count offered, Count housed, Count har, Double medianDaysToLink,
        Double medianDaysToOffer, Double medianDaysToMove, Double medianDaysToHar) {

    public record Count(long households, long persons) {
    }
}
