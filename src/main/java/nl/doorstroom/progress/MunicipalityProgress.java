package nl.doorstroom.progress;

import java.util.List;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/** One municipality's progress over every half-year with a quota, oldest first, up to the date. */
public record MunicipalityProgress(MunicipalityCode code, String name, ProvinceCode province, String provinceName,
        String coaRegion, List<PeriodProgress> history) {

    /** The half-year that contains the date. */
    public PeriodProgress current() {
        return history.get(history.size() - 1);
    }

    /** The last half-year whose cut-off date has passed, if any. */
    public java.util.Optional<PeriodProgress> lastAssessed() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).complete()) {
                return java.util.Optional.of(history.get(i));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * How many assessed half-years in a row, up to the last, the corrected quota was missed: orange or
     * red, and not recorded as excusable. A met or excused half-year ends the run. (Some provinces act
     * after four in a row; DOMAIN.md, "Supervision".)
     */
    public int missedInARow() {
        int missed = 0;
        for (int i = history.size() - 1; i >= 0; i--) {
            var period = history.get(i);
            if (!period.complete()) {
                continue;
            }
            if (period.colour() == Colour.GREEN || period.excused()) {
                break;
            }
            missed++;
        }
        return missed;
    }
}
