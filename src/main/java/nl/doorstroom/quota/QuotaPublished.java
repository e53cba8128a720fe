package nl.doorstroom.quota;

import nl.doorstroom.shared.HalfYear;

/** The quotas of a half-year were (re)computed and published. */
public record QuotaPublished(HalfYear period, long calculationId) {
}
