package nl.doorstroom.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.reception.ReceptionTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole picture on the demo's figures: every part from its own module, within its scope. */
@IntegrationTest
class WholePictureIntegrationTests {

    static final LocalDate TODAY = LocalDate.now(AuditTrail.ZONE);

    @Autowired
    WholePicture wholePicture;
    @Autowired
    ReceptionTasks reception;
    @Autowired
    MunicipalityRegistry registry;

    @Test
    void eachMunicipalityShowsItsPartsAndAnIndexWithinTheCap() throws Exception {
        var rows = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> wholePicture.on(TODAY));
        var tasks = reception.picture(TODAY);

        assertThat(rows).hasSize(registry.all().size());
        assertThat(rows).allSatisfy(r -> {
            if (r.effort().value() != null) {
                assertThat(r.effort().value()).isBetween(0, EffortIndex.CAP);
            }
            if (tasks.containsKey(r.code())) {
                assertThat(r.receptionTask()).isEqualTo(tasks.get(r.code()).task());
            }
        });
        assertThat(rows.stream().filter(r -> r.effort().value() != null).map(r -> r.effort().value()).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        long ukrainians = rows.stream().mapToLong(r -> r.ukrainians() == null ? 0 : r.ukrainians()).sum();
        long fair = rows.stream().mapToLong(WholePicture.Row::ukrainiansFairShare).sum();
        assertThat((double) fair).as("the fair shares add up to the nation's total").isCloseTo(ukrainians,
                org.assertj.core.data.Offset.offset(rows.size() / 2.0 + 1));
    }

    @Test
    void aProvinceSeesItsOwnMunicipalities() throws Exception {
        var rows = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> wholePicture.on(TODAY));

        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(registry.find(r.code()).orElseThrow().province().value())
                .isEqualTo("PV26"));
    }
}
