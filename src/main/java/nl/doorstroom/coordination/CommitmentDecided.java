package nl.doorstroom.coordination;

import java.time.LocalDate;

import nl.doorstroom.shared.MunicipalityCode;

/** A commitment was kept, partly kept or not kept. */
public record CommitmentDecided(long commitmentId, MunicipalityCode municipality, Commitment.Status status,
        Integer realisedPlaces, LocalDate realisedOn) {
}
