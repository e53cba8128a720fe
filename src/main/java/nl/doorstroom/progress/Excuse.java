package nl.doorstroom.progress;

import java.time.Instant;

import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;

/** "Does not comply but excusable": recorded for a municipality and a half-year, with the reason. */
public record Excuse(long id, MunicipalityCode municipality, HalfYear period, String reason, String recordedBy,
        Instant recordedAt) {
}
