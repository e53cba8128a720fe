package nl.doorstroom.progress;

import java.math.BigDecimal;

import nl.doorstroom.shared.ProvinceCode;

/**
 * A province's assessment thresholds as shares of the corrected quota housed by the cut-off date.
 * Default: green when the corrected quota is met (100%), orange from 80%, red below.
 */
public record Thresholds(ProvinceCode province, BigDecimal greenPercent, BigDecimal orangePercent, boolean isDefault,
        int version) {

    public static final BigDecimal DEFAULT_GREEN = new BigDecimal("100.0");
    public static final BigDecimal DEFAULT_ORANGE = new BigDecimal("80.0");

    public static Thresholds defaultFor(ProvinceCode province) {
        return new Thresholds(province, DEFAULT_GREEN, DEFAULT_ORANGE, true, -1);
    }

    /** Exact: housed × 100 compared with percent × corrected, no rounding. */
    public Colour colourOf(long housed, long correctedQuota) {
        if (correctedQuota <= 0) {
            return Colour.GREEN;
        }
        var housedTimesHundred = BigDecimal.valueOf(housed).multiply(BigDecimal.valueOf(100));
        var corrected = BigDecimal.valueOf(correctedQuota);
        if (housedTimesHundred.compareTo(greenPercent.multiply(corrected)) >= 0) {
            return Colour.GREEN;
        }
        if (housedTimesHundred.compareTo(orangePercent.multiply(corrected)) >= 0) {
            return Colour.ORANGE;
        }
        return Colour.RED;
    }
}
