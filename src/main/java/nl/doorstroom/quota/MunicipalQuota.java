package nl.doorstroom.quota;

import nl.doorstroom.shared.MunicipalityCode;

/** A municipality's quota in a published computation, with the population it was computed from. */
public record MunicipalQuota(MunicipalityCode municipality, long population, long quota) {
}
