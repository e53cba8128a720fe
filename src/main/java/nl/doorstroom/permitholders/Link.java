package nl.doorstroom.permitholders;

import java.time.LocalDate;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * A link of a household to a municipality. Cancelled links stay, with their reason.
 *
 * @param outsideRegion the firm criterion that put the link outside the household's linking region, or null
 */
public record Link(long id, MunicipalityCode municipality, LocalDate linkedOn, String outsideRegion, String linkedBy,
        boolean active, LocalDate cancelledOn, String cancelReason, String cancelNote, String cancelledBy) {
}
