package nl.doorstroom.permitholders;

import java.util.List;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * A permit-holder household in the register: who it is as far as linking needs (pseudonymous), where it
 * lives now and where it is on its way to a home.
 *
 * @param region the COA linking region of the reception location
 * @param municipality the municipality of the active link (or of the home), null while awaiting a link
 * @param location the reception location; null where the reader may not see it (a municipality)
 * @param countedPersons the persons counted toward the quota when the household was housed or placed
 */
public record Household(long id, String reference, String location, MunicipalityCode locationMunicipality,
        String region, Profile profile, List<Member> members, List<FirmCriterion> criteria, Journey journey,
        MunicipalityCode municipality, String offerDistrict, Integer offerRooms, String harPlace,
        Integer countedPersons, int version) {

    public int persons() {
        return members.size();
    }

    public Stage stage() {
        return journey.stage();
    }

    /** As a municipality sees it: composition and needs, not where the household lives in reception (nor its region). */
    Household forMunicipality() {
        return new Household(id, reference, null, null, null, profile, members, criteria, journey, municipality,
                offerDistrict, offerRooms, harPlace, countedPersons, version);
    }
}
