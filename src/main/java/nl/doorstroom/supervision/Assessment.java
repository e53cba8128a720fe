package nl.doorstroom.supervision;

import java.time.Instant;

import nl.doorstroom.progress.Colour;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * The province's decision on a municipality's assessment for a half-year: the proposal confirmed, or
 * overridden with a reason, or "does not comply but excusable" with a reason (DOMAIN.md, "Supervision").
 *
 * @param proposed the colour the progress figures gave when the province decided
 */
public record Assessment(MunicipalityCode municipality, HalfYear period, Colour proposed, Outcome outcome,
        Colour colour, String reason, long correctedQuota, long housed, String decidedBy, Instant decidedAt,
        int version) {

    public enum Outcome {
        CONFIRMED, OVERRIDDEN, EXCUSABLE;

        public String messageKey() {
            return "supervision.outcome." + name();
        }
    }
}
