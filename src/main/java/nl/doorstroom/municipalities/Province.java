package nl.doorstroom.municipalities;

import nl.doorstroom.shared.ProvinceCode;

/**
 * One of the twelve provinces, which supervise their municipalities.
 */
public record Province(ProvinceCode code, String name, int municipalityCount) {
}
