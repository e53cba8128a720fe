package nl.doorstroom.coordination;

import java.time.LocalDate;

import nl.doorstroom.shared.MunicipalityCode;

/** A municipality (or a party on its behalf) promised extra places in a contact. */
public record CommitmentMade(long commitmentId, MunicipalityCode municipality, int places, Commitment.Kind kind,
        Long siteId, LocalDate expectedOn) {
}
