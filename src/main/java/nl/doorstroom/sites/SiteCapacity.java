package nl.doorstroom.sites;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * The temporary places of one municipality in persons, by how far the talks are: still pursued
 * (identified, contacted, under negotiation), agreed, and in use. Closed and dropped sites count nowhere.
 */
public record SiteCapacity(MunicipalityCode municipality, int sites, int pursuedPersons, int agreedPersons,
        int inUsePersons) {

    public static SiteCapacity none(MunicipalityCode municipality) {
        return new SiteCapacity(municipality, 0, 0, 0, 0);
    }

    /** Agreed and in use together: the places a municipality can count on. */
    public int agreedOrInUsePersons() {
        return agreedPersons + inUsePersons;
    }
}
