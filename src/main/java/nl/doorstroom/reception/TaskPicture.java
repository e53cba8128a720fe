package nl.doorstroom.reception;

import java.math.BigDecimal;
import java.time.LocalDate;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * A municipality's part in reception on a date: its task under the distribution act, what it was computed from,
 * the places it reports providing, and the displaced Ukrainians in its municipal reception. Counts only.
 *
 * @param placesPerThousand     task per 1,000 inhabitants: higher where the welfare factor is higher
 * @param municipalPlaces       the municipal reception places the municipality reported; null when none yet
 * @param shareProvided         municipal places divided by the task (1 = the task met); null when either is
 *                              unknown or the task is 0
 * @param ukrainians            displaced Ukrainians in municipal reception; null when none reported yet
 */
public record TaskPicture(MunicipalityCode code, long task, long population, BigDecimal welfareFactor,
        BigDecimal placesPerThousand, Long municipalPlaces, LocalDate municipalPlacesDate, BigDecimal shareProvided,
        Long ukrainians, LocalDate ukrainiansDate) {
}
