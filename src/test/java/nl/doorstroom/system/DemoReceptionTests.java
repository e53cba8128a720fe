package nl.doorstroom.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.reception.LocationKind;
import nl.doorstroom.reception.ReceptionLocation;
import nl.doorstroom.reception.ReceptionLocations;
import nl.doorstroom.reception.WeeklyReception;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's reception as loaded (issue 8): shaped like 2022–2024 over the last two years. Bounds, not exact
 * figures: other tests in the shared context add locations and figures of their own.
 */
@IntegrationTest
class DemoReceptionTests {

    @Autowired
    ReceptionLocations reception;

    @Test
    void theDemoHasAbout120SyntheticLocationsWithOneCentralRegistrationCentreInWesterwolde() throws Exception {
        var synthetic = TestUsers.as(Role.COA_PLANNER, () -> reception.search(null, Set.of())).stream()
                .filter(ReceptionLocation::synthetic).toList();

        assertThat(synthetic).hasSize(120).allMatch(l -> l.name().endsWith("(demo)"));
        assertThat(synthetic).filteredOn(l -> l.kind() == LocationKind.CENTRAL_REGISTRATION).singleElement()
                .satisfies(l -> assertThat(l.municipality().value()).isEqualTo("GM1950"));
        assertThat(synthetic).filteredOn(l -> l.kind() == LocationKind.PRE_REGISTRATION).hasSize(5);
        assertThat(synthetic.stream().map(ReceptionLocation::province).distinct()).hasSize(12);
    }

    @Test
    void theNationalPictureRisesToAbout65000WithTerApelAboveItsNormAtTimes() {
        var today = LocalDate.now(AuditTrail.ZONE);

        var weeks = reception.nationalSeries(today.minusWeeks(103), today);

        // Every regular centre and Ter Apel every week; emergency locations and holding places once opened.
        assertThat(weeks).hasSize(104).allMatch(w -> w.locationsReporting() >= 91);
        assertThat(weeks.get(103).locationsReporting()).isGreaterThanOrEqualTo(120);
        assertThat(weeks.get(0).total()).isBetween(35_000, 42_000);
        assertThat(weeks.get(103).total()).isBetween(62_000, 68_000);
        assertThat(weeks.stream().mapToInt(WeeklyReception::permitHolders).max().orElseThrow()).isBetween(15_000, 17_500);
        assertThat(weeks).anyMatch(w -> w.centralRegistration() > 2_000).anyMatch(w -> w.centralRegistration() < 2_000);
        assertThat(weeks.stream().mapToInt(WeeklyReception::preRegistrationWaiting).max().orElseThrow())
                .isBetween(1_300, 1_700);
        assertThat(weeks.get(103).capacity()).isGreaterThan(60_000);
    }
}
