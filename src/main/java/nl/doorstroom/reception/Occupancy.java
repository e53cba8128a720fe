package nl.doorstroom.reception;

import java.time.LocalDate;

/**
 * How many people a location housed on a day: asylum seekers in procedure, permit holders waiting for a
 * home, and others (such as people waiting for registration). Counts, no persons.
 */
public record Occupancy(LocalDate date, int inProcedure, int permitHolders, int other) {

    public int total() {
        return inProcedure + permitHolders + other;
    }
}
