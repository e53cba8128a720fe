package nl.doorstroom.permitholders;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * Where a household may be linked (DOMAIN.md, Linking): COA links within the household's linking
 * region; a firm criterion (relative, work, education: that municipality; medical treatment: that
 * municipality's region) decides instead, and may point outside the region. The criterion that
 * allows a link outside the region is recorded as its reason.
 */
public final class LinkingRule {

    private LinkingRule() {
    }

    /**
     * @param regionOf the COA linking region of a municipality
     * @return the reason to record when the link lies outside the household's region; empty inside it
     * @throws InvalidInput when the target breaks a firm criterion or lies outside the region without one
     */
    public static Optional<String> check(String householdRegion, List<FirmCriterion> criteria, MunicipalityCode target,
            Function<MunicipalityCode, String> regionOf) {
        var targetRegion = regionOf.apply(target);
        var met = criteria.stream().filter(c -> c.pointsAtMunicipality() ? c.municipality().equals(target)
                : regionOf.apply(c.municipality()).equals(targetRegion)).findFirst();
        if (!criteria.isEmpty() && met.isEmpty()) {
            throw InvalidInput.of("municipality", "journey.link.againstCriterion", target.value(),
                    String.join(", ", criteria.stream().map(FirmCriterion::code).toList()));
        }
        if (targetRegion.equals(householdRegion)) {
            return Optional.empty();
        }
        if (met.isEmpty()) {
            throw InvalidInput.of("municipality", "journey.link.outsideRegion", target.value(), targetRegion,
                    householdRegion);
        }
        return Optional.of(met.get().code());
    }

    /**
     * Every municipality {@link #check} allows for a household: those of its linking region, or, where it
     * has firm criteria, the municipalities they point at (medical treatment: every municipality of that
     * municipality's region).
     *
     * @param municipalitiesOf the municipalities of a linking region
     */
    public static Set<MunicipalityCode> allowed(String householdRegion, List<FirmCriterion> criteria,
            Function<MunicipalityCode, String> regionOf, Function<String, Collection<MunicipalityCode>> municipalitiesOf) {
        var allowed = new LinkedHashSet<MunicipalityCode>();
        if (criteria.isEmpty()) {
            allowed.addAll(municipalitiesOf.apply(householdRegion));
        }
        for (var criterion : criteria) {
            if (criterion.pointsAtMunicipality()) {
                allowed.add(criterion.municipality());
            }
            else {
                allowed.addAll(municipalitiesOf.apply(regionOf.apply(criterion.municipality())));
            }
        }
        return allowed;
    }
}
