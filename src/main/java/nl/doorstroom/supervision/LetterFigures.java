package nl.doorstroom.supervision;

import java.time.LocalDate;

import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * What a case document says about the municipality: its figures in the running half-year on the document's
 * date, how many assessed half-years in a row it missed, the deadline and the agreed course of action.
 *
 * @param carriedIn the shortfall (positive) or advance (negative) carried in from the half-years before
 * @param deadline the date by which the municipality can still comply; null where the document sets none
 * @param courseOfAction the course of action agreed so far, one line per item; empty when none
 */
public record LetterFigures(long caseId, MunicipalityCode code, String municipalityName, String provinceName,
        LocalDate date, HalfYear period, long quota, long carriedIn, long correctedQuota, long housed, long shortfall,
        int missedInARow, LocalDate deadline, String courseOfAction, boolean synthetic) {
}
