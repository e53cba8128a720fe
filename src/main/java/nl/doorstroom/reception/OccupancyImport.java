package nl.doorstroom.reception;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One import of COA's figures: who, when, how many rows, and how many of them replaced figures already stored
 * for the same location and day.
 */
public record OccupancyImport(long id, Instant importedAt, String importedBy, int rows, int replaced,
        LocalDate firstDate, LocalDate lastDate) {
}
