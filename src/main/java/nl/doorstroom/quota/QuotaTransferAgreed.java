package nl.doorstroom.quota;

import nl.doorstroom.shared.HalfYear;

/** Municipalities agreed to shift quota between them for a half-year (art. 29(2)). */
public record QuotaTransferAgreed(HalfYear period, long transferId) {
}
