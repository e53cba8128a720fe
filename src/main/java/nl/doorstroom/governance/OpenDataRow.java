package nl.doorstroom.governance;

import java.math.BigDecimal;

/**
 * The open figures of one municipality in one half-year: counts of persons, places and commitments only, never a
 * household or a person. The columns are described in {@link OpenDataColumn#ALL}.
 *
 * @param carryOver the shortfall (positive) or advance (negative) carried in from the half-years before
 * @param realisationPercent housed as a share of the corrected quota, one decimal; null when nothing had to be housed
 * @param assessmentFinal whether the half-year has been judged on its cut-off date (else the colour is provisional)
 * @param municipalReceptionPlaces null when the municipality has reported none
 */
public record OpenDataRow(String municipalityCode, String municipalityName, String provinceCode,
        String provinceName, long quota, long carryOver, long correctedQuota, long housed, long shortfall,
        BigDecimal realisationPercent, String assessmentColour, boolean assessmentFinal, long coaReceptionPlaces,
        Long municipalReceptionPlaces, int commitmentsDecided, int commitmentsKept) {
}
