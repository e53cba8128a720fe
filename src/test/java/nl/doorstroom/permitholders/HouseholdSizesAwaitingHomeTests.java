package nl.doorstroom.permitholders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.Role;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The household sizes awaiting a home, as the allocation-share simulation reads them. */
@IntegrationTest
class HouseholdSizesAwaitingHomeTests {

    @Autowired
    LinkingInputs inputs;

    @Autowired
    HouseholdRegister register;

    @Autowired
    Journeys journeys;

    @Test
    void aLinkedHouseholdIsCountedAtItsSizeAndTheSizesAddUpToThePersonsAwaiting() throws Exception {
        var today = PermitHoldersIntegrationTests.today();
        var utrecht = PermitHoldersIntegrationTests.UTRECHT;
        long before = sizesOf(utrecht).getOrDefault(2, 0L);

        long id = PermitHoldersIntegrationTests.as(Role.COA_PLANNER, () -> register.register(
                PermitHoldersIntegrationTests.household(PermitHoldersIntegrationTests.reference(), today.minusDays(30))));
        PermitHoldersIntegrationTests.as(Role.COA_PLANNER, () -> {
            journeys.link(id, 0, utrecht, today.minusDays(20));
            return null;
        });

        var sizes = sizesOf(utrecht);
        assertThat(sizes.get(2)).isEqualTo(before + 1);
        long persons = sizes.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
        assertThat(persons).isEqualTo(inputs.linkedAwaitingHome().get(utrecht));
    }

    private Map<Integer, Long> sizesOf(MunicipalityCode code) {
        return inputs.householdSizesAwaitingHome().getOrDefault(code, Map.of());
    }
}
