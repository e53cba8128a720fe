package nl.doorstroom.housingmarket;

import nl.doorstroom.housingmarket.engine.NeededShare;

/**
 * The needed allocation share of one municipality.
 *
 * @param currentShare the share the corporations reported; null without figures
 * @param needed the needed share and what limits it; null without figures
 */
public record NeededShareRow(String code, String name, String provinceName, Double currentShare, long remaining,
        long awaitingHouseholds, NeededShare needed) {

    public boolean hasFigures() {
        return needed != null;
    }

    /** Whether the needed share lies above the reported one (or cannot be reached at all). */
    public boolean aboveCurrent() {
        return needed != null && currentShare != null && (needed.share() == null || needed.share() > currentShare + 1e-9);
    }
}
