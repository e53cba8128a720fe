package nl.doorstroom.permitholders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

class LinkingRuleTests {

    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");
    static final MunicipalityCode AMSTERDAM = MunicipalityCode.of("GM0363");
    static final MunicipalityCode ROTTERDAM = MunicipalityCode.of("GM0599");
    static final MunicipalityCode LEIDEN = MunicipalityCode.of("GM0546");
    static final Map<MunicipalityCode, String> REGIONS = Map.of(UTRECHT, "COA-3", AMSTERDAM, "COA-3", ROTTERDAM, "COA-4",
            LEIDEN, "COA-4");

    @Test
    void withinTheLinkingRegionNoReasonIsNeeded() {
        var reason = LinkingRule.check("COA-3", List.of(), AMSTERDAM, REGIONS::get);

        assertThat(reason).isEmpty();
    }

    @Test
    void outsideTheRegionWithoutAFirmCriterionIsRefused() {
        var refusal = catchThrowableOfType(InvalidInput.class,
                () -> LinkingRule.check("COA-3", List.of(), ROTTERDAM, REGIONS::get));

        assertThat(refusal.problems().get(0).messageKey()).isEqualTo("journey.link.outsideRegion");
        assertThat(refusal.problems().get(0).arguments()).containsExactly("GM0599", "COA-4", "COA-3");
    }

    @Test
    void aFirmCriterionElsewhereAllowsTheLinkAndIsRecordedAsItsReason() {
        var work = new FirmCriterion(FirmCriterion.Kind.WORK, ROTTERDAM, 16);

        var reason = LinkingRule.check("COA-3", List.of(work), ROTTERDAM, REGIONS::get);

        assertThat(reason).contains("WORK:GM0599:16");
    }

    @Test
    void aFirmCriterionRulesOutOtherMunicipalitiesEvenInsideTheRegion() {
        var relative = new FirmCriterion(FirmCriterion.Kind.RELATIVE, UTRECHT, null);

        var refusal = catchThrowableOfType(InvalidInput.class,
                () -> LinkingRule.check("COA-3", List.of(relative), AMSTERDAM, REGIONS::get));

        assertThat(refusal.problems().get(0).messageKey()).isEqualTo("journey.link.againstCriterion");
    }

    @Test
    void medicalTreatmentPointsAtTheWholeRegionOfItsMunicipality() {
        var medical = new FirmCriterion(FirmCriterion.Kind.MEDICAL, ROTTERDAM, null);

        var reason = LinkingRule.check("COA-3", List.of(medical), LEIDEN, REGIONS::get);

        assertThat(reason).contains("MEDICAL:GM0599");
    }

    @Test
    void theAllowedMunicipalitiesAreExactlyThoseTheCheckAccepts() {
        var households = List.of(List.<FirmCriterion>of(), List.of(new FirmCriterion(FirmCriterion.Kind.WORK, ROTTERDAM, 8)),
                List.of(new FirmCriterion(FirmCriterion.Kind.MEDICAL, LEIDEN, null)),
                List.of(new FirmCriterion(FirmCriterion.Kind.RELATIVE, UTRECHT, null),
                        new FirmCriterion(FirmCriterion.Kind.EDUCATION, LEIDEN, null)));

        for (var criteria : households) {
            var allowed = LinkingRule.allowed("COA-3", criteria, REGIONS::get,
                    region -> REGIONS.keySet().stream().filter(m -> REGIONS.get(m).equals(region)).toList());

            for (var target : REGIONS.keySet()) {
                boolean accepted = catchThrowableOfType(InvalidInput.class,
                        () -> LinkingRule.check("COA-3", criteria, target, REGIONS::get)) == null;
                assertThat(allowed.contains(target)).as(criteria + " -> " + target).isEqualTo(accepted);
            }
        }
    }
}
