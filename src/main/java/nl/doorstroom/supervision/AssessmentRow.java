package nl.doorstroom.supervision;

import nl.doorstroom.progress.Colour;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * A municipality's assessment for one assessed half-year: what the progress figures propose (with each
 * province's thresholds) and what the province decided, if it did.
 *
 * @param excusedInProgress recorded as excusable on the progress pages
 * @param decided the province's decision; null while it has not decided
 */
public record AssessmentRow(MunicipalityCode code, String name, ProvinceCode province, HalfYear period,
        Colour proposed, long correctedQuota, long housed, boolean excusedInProgress, Assessment decided) {

    /** The colour that counts: the decided one, else the proposal. */
    public Colour colour() {
        return decided != null ? decided.colour() : proposed;
    }

    /**
     * Excusable as decided here, or as recorded on the progress pages and not overridden here: confirming the
     * proposal keeps an excuse recorded there.
     */
    public boolean excusable() {
        if (decided == null) {
            return excusedInProgress;
        }
        return decided.outcome() == Assessment.Outcome.EXCUSABLE
                || (decided.outcome() == Assessment.Outcome.CONFIRMED && excusedInProgress);
    }

    /** Missed: not green, and not excusable. */
    public boolean missed() {
        return colour() != Colour.GREEN && !excusable();
    }

    public boolean pending() {
        return decided == null;
    }

    public long shortfall() {
        return Math.max(0, correctedQuota - housed);
    }

    /** Housed as a share of the corrected quota, in whole percent; null when nothing had to be housed. */
    public Long realisationPercent() {
        return correctedQuota <= 0 ? null : Math.round(100.0 * housed / correctedQuota);
    }

    public int version() {
        return decided == null ? -1 : decided.version();
    }
}
