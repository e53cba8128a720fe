package nl.doorstroom.coordination;

import java.util.List;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * A municipality's place on the call list: its points are the sum of the reasons shown, each with the
 * figures that led to it.
 */
public record CallPriority(MunicipalityCode code, String name, String province, long correctedQuota, long housed,
        long shortfall, Double realisationPercent, double weeksBehind, List<Reason> reasons) {

    /** One reason that moved the municipality up (positive points) or down (negative). */
    public record Reason(String messageKey, List<Object> arguments, int points) {
    }

    public int points() {
        return reasons.stream().mapToInt(Reason::points).sum();
    }
}
