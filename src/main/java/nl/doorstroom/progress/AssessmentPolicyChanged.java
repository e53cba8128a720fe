package nl.doorstroom.progress;

import nl.doorstroom.shared.ProvinceCode;

/** A province changed its thresholds or recorded an excused shortfall. */
public record AssessmentPolicyChanged(ProvinceCode province) {
}
