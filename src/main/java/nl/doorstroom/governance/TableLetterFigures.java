package nl.doorstroom.governance;

import nl.doorstroom.progress.Colour;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.supervision.StepKind;

/**
 * What a table letter says about one municipality on its date: its progress in the running half-year (from the
 * progress monitor), its reception places, commitments and open escalation step. Aggregates only.
 *
 * @param carriedIn the shortfall (positive) or advance (negative) carried in from the half-years before
 * @param realisationPercent housed as a share of the corrected quota; null when nothing had to be housed
 * @param coaPlaces places at COA locations open in the municipality on the date
 * @param municipalPlaces municipal reception places last reported; null when none reported
 * @param escalationStep the current step of an open supervision case, or null
 */
public record TableLetterFigures(MunicipalityCode code, String name, String provinceName, HalfYear period,
        long quota, long carriedIn, long correctedQuota, long housed, long shortfall, Double realisationPercent,
        Colour colour, long coaPlaces, Long municipalPlaces, int commitmentsDecided, int commitmentsKept,
        StepKind escalationStep) {
}
