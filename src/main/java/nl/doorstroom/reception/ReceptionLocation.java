package nl.doorstroom.reception;

import java.time.Instant;
import java.time.LocalDate;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * A COA reception location as stored, with the version an edit must be based on.
 *
 * @param province follows from the municipality (null if the register does not know it)
 * @param synthetic made up by the demo scenario
 */
public record ReceptionLocation(long id, String code, String name, MunicipalityCode municipality, ProvinceCode province,
        LocationKind kind, int regularCapacity, int emergencyCapacity, LocalDate openedOn, LocalDate closedOn,
        boolean synthetic, int version, Instant changedAt, String changedBy) {

    /** Regular and emergency places together. */
    public int capacity() {
        return regularCapacity + emergencyCapacity;
    }

    /** Whether the location takes people on this day: opened (or no date known) and not yet closed. */
    public boolean openOn(LocalDate day) {
        return (openedOn == null || !openedOn.isAfter(day)) && (closedOn == null || closedOn.isAfter(day));
    }

    public LocationForm form() {
        return new LocationForm(code, name, municipality, kind, regularCapacity, emergencyCapacity, openedOn, closedOn);
    }
}
