package nl.doorstroom.housingmarket;

import java.time.Instant;

/**
 * A housing corporation (woningcorporatie) that reports its social-rental stock. Its name is unique and is the
 * organisation name in the scope of its own users.
 *
 * @param code an optional short code, such as the corporation's registration number
 */
public record HousingCorporation(long id, String name, String code, boolean synthetic, int version, String changedBy,
        Instant changedAt) {
}
