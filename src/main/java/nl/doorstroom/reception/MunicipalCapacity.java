package nl.doorstroom.reception;

import nl.doorstroom.shared.MunicipalityCode;

/** The places at COA locations open in a municipality on a day. Counts only. */
public record MunicipalCapacity(MunicipalityCode municipality, int locations, int regularCapacity, int emergencyCapacity) {

    public int capacity() {
        return regularCapacity + emergencyCapacity;
    }
}
