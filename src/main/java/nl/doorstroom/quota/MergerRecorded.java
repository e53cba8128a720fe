package nl.doorstroom.quota;

import nl.doorstroom.shared.MunicipalityCode;

/** A merger of municipalities was recorded; the quota history continues on the successor (art. 30). */
public record MergerRecorded(MunicipalityCode successor, long mergerId) {
}
