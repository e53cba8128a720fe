package nl.doorstroom.housingmarket;

import java.time.Instant;

/**
 * One import of a corporation's figures for a year: who, when, how many municipality rows, and how many of them
 * replaced figures already stored for that corporation, municipality and year.
 */
public record MarketImport(long id, long corporationId, int year, int rows, int replaced, boolean synthetic,
        String importedBy, Instant importedAt) {
}
