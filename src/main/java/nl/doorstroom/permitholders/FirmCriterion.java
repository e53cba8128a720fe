package nl.doorstroom.permitholders;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * A reason the household must go to a particular municipality (DOMAIN.md, Linking: firm criteria):
 * a first-degree relative lives there, paid work there of at least 8 hours a week, admission to
 * education there, or medical treatment tied to that municipality's region.
 *
 * @param hoursPerWeek for paid work: the contract's hours (at least 8); null for the other kinds
 */
public record FirmCriterion(Kind kind, MunicipalityCode municipality, Integer hoursPerWeek) {

    /** Paid work counts as a firm criterion from 8 hours a week, with a contract (COA practice). */
    public static final int MINIMUM_WORK_HOURS = 8;

    public enum Kind {
        RELATIVE, WORK, EDUCATION, MEDICAL;

        public String messageKey() {
            return "criterion." + name();
        }
    }

    /** Whether this criterion points at the municipality alone (medical treatment points at a region). */
    public boolean pointsAtMunicipality() {
        return kind != Kind.MEDICAL;
    }

    /** The text kept with a link outside the linking region, in the form of the import: {@code WORK:GM0344:12}. */
    public String code() {
        return kind + ":" + municipality.value() + (hoursPerWeek == null ? "" : ":" + hoursPerWeek);
    }
}
