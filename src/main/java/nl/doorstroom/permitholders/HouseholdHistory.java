package nl.doorstroom.permitholders;

import java.time.LocalDate;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * A household with the steps it has already taken, for taking over a register kept elsewhere (and
 * for the synthetic demo). Steps not taken are null; each must follow the previous one.
 */
public record HouseholdHistory(HouseholdForm form, MunicipalityCode linkedTo, LocalDate linkedOn,
        LocalDate offeredOn, String district, Integer rooms, LocalDate harSince, String harPlace, LocalDate movedOn) {
}
