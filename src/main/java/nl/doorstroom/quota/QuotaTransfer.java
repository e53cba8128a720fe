package nl.doorstroom.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;

import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * An agreement between two or more municipalities to shift quota between them for a half-year
 * (Huisvestingswet 2014 art. 29(2)). A positive change takes quota on, a negative one hands it off;
 * the changes sum to zero, so the parties' joint total stays the same.
 */
public record QuotaTransfer(long id, HalfYear period, LocalDate agreedOn, String reason, boolean synthetic,
        String recordedBy, Instant recordedAt, SortedMap<MunicipalityCode, Integer> changes) {

    /** The rule of art. 29(2): the joint total of the parties stays the same. */
    public static long imbalance(Map<MunicipalityCode, Integer> changes) {
        return changes.values().stream().mapToLong(Integer::longValue).sum();
    }

    public int changeFor(MunicipalityCode code) {
        return changes.getOrDefault(code, 0);
    }
}
