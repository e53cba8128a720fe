package nl.doorstroom.reception;

import static nl.doorstroom.reception.ReceptionFixtures.UTRECHT;
import static nl.doorstroom.reception.ReceptionFixtures.newCode;
import static nl.doorstroom.reception.ReceptionFixtures.regularIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The reception pages with real data (the demo's and the test's own): charts with their tables, the list with
 * latest occupancy, a location with history and measures, refused forms with each problem next to its field, a
 * stale edit shown as a conflict, and a refused import with every problem by row and column.
 */
@IntegrationTest
class ReceptionPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ReceptionLocations reception;

    @Test
    void theOverviewDrawsEachChartWithItsTable() throws Exception {
        var page = page(get("/reception"), Role.MUNICIPALITY_OFFICER);
        var english = page(get("/reception?lang=en"), Role.COA_PLANNER);

        assertThat(page).contains("id=\"national-chart\"", "id=\"central-chart\"", "id=\"waiting-chart\"", "data-chart=",
                "<caption>Landelijke opvang per week</caption>", "Aanmeldcentrum", "Wachtend in voorportalen");
        assertThat(page).doesNotContain("name=\"norm\"");
        assertThat(english).contains("National reception per week", "Waiting in pre-registration places");
        assertThat(page(get("/reception"), Role.NATIONAL_COORDINATOR)).contains("name=\"norm\"", "name=\"validFrom\"");
    }

    @Test
    void theListShowsLatestOccupancyAgainstCapacityAndFilters() throws Exception {
        var code = newCode("PAGE");
        long id = TestUsers.as(Role.COA_PLANNER, () -> reception.register(regularIn(UTRECHT, code, 400)));

        var utrecht = page(get("/reception/locations?province=PV26&kind=REGULAR"), Role.PROVINCE_SUPERVISOR);
        var wrong = page(get("/reception/locations?province=PV99&kind=kasteel"), Role.COA_PLANNER);

        assertThat(utrecht).contains(code, "/reception/locations/" + id, "(gesloten)");
        assertThat(wrong).contains("&#39;PV99&#39; is geen provincie", "&#39;kasteel&#39; is geen soort locatie");
    }

    @Test
    void aLocationShowsItsHistoryAndARefusedMeasureNextToItsFields() throws Exception {
        var code = newCode("HIST");
        long id = TestUsers.as(Role.COA_PLANNER, () -> {
            long created = reception.register(new LocationForm(code, "Azc pagina", UTRECHT, LocationKind.REGULAR, 400, 0,
                    null, null));
            reception.importFile(ReceptionFixtures.csv("location;date;in_procedure;permit_holders;other\n" + code + ";"
                    + ReceptionLocations.today().minusDays(3) + ";300;80;10\n"));
            return created;
        });

        var detail = page(get("/reception/locations/" + id), Role.MUNICIPALITY_OFFICER);
        var refused = page(post("/reception/locations/" + id + "/measures").param("measureKind", "")
                .param("description", "").param("startsOn", "morgen").param("places", "-3"), Role.COA_PLANNER);

        assertThat(detail).contains("id=\"location-chart\"", "Azc pagina", "<td class=\"num\">390</td>");
        assertThat(detail).doesNotContain("name=\"measureKind\"");
        assertThat(refused).contains("aria-describedby=\"measureKind-error\"", "id=\"startsOn-error\"",
                "id=\"places-error\"", "aria-invalid=\"true\"");
    }

    @Test
    void aRefusedFormKeepsTheInputAndAStaleEditIsShownAsAConflict() throws Exception {
        var code = newCode("FORM");
        long id = TestUsers.as(Role.COA_PLANNER, () -> reception.register(regularIn(UTRECHT, code, 400)));
        TestUsers.as(Role.COA_PLANNER, () -> {
            reception.change(id, 0, regularIn(UTRECHT, code, 410));
            return null;
        });

        var refused = page(post("/reception/locations").param("code", "x").param("name", "Azc nieuw")
                .param("regularCapacity", "veel"), Role.COA_PLANNER);
        var stale = page(post("/reception/locations/" + id).param("version", "0").param("code", code)
                .param("name", "Azc anders").param("municipality", "GM0344").param("kind", "REGULAR")
                .param("regularCapacity", "420").param("emergencyCapacity", "0"), Role.COA_PLANNER);
        var edit = page(get("/reception/locations/" + id + "/edit"), Role.COA_PLANNER);

        assertThat(refused).contains("value=\"Azc nieuw\"", "id=\"regularCapacity-error\"", "id=\"code-error\"",
                "id=\"municipality-error\"", "id=\"kind-error\"");
        assertThat(stale).contains("id=\"conflict\"", "value=\"Azc anders\"", "name=\"version\" value=\"1\"");
        assertThat(edit).contains("value=\"" + code + "\"", "value=\"410\"");
    }

    @Test
    void aRefusedImportShowsEveryProblemByRowAndColumn() throws Exception {
        var file = new MockMultipartFile("file", "bezetting.csv", "text/csv",
                "location;date;in_procedure;permit_holders;other\nTEST-NOWHERE;2015-01-01;1;-1;1\n"
                        .getBytes(StandardCharsets.UTF_8));

        var refused = page(multipart("/reception/import").file(file), Role.COA_PLANNER);
        var form = page(get("/reception/import"), Role.COA_PLANNER);

        assertThat(refused).contains("bezetting.csv", "Er is geen locatie met de code TEST-NOWHERE", "-1 is negatief",
                "Vergunninghouders");
        assertThat(form).contains("Eerdere imports", "demo");
    }

    private <B extends AbstractMockHttpServletRequestBuilder<B>> String page(B request, Role role) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(authentication(TestUsers.signedIn(role))).with(csrf()))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
