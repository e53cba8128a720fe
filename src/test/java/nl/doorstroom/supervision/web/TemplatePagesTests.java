package nl.doorstroom.supervision.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The pages of the provinces' letter texts: who sees and changes them, and how a refused text comes back. */
@IntegrationTest
class TemplatePagesTests {

    static final String LETTERS = "/supervision/provinces/PV26/letters";
    static final String INTENTION = LETTERS + "/intention";
    static final String TEXT = "Geacht college van {{gemeente}},\n\nTot en met {{termijn}} kunt u alsnog voldoen.";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTheTexts() {
        jdbc.sql("DELETE FROM letter_template").update();
    }

    @Test
    void listsTheThreeDocumentsOfTheProvince() throws Exception {
        var page = perform(get(LETTERS), Role.PROVINCE_SUPERVISOR);

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                .contains("Brieven van de provincie Utrecht", "Schriftelijke waarschuwing", "Voornemen tot indeplaatsstelling",
                        "Besluit tot indeplaatsstelling", "href=\"/supervision/provinces/PV26/letters/substitution-decision\"",
                        "Standaardtekst");
    }

    @Test
    void showsTheTextInALabelledFieldWithThePlaceholdersExplained() throws Exception {
        var page = perform(get(INTENTION), Role.PROVINCE_SUPERVISOR).getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("<label for=\"body\">Tekst van de brief</label>")
                .contains("<textarea id=\"body\" name=\"body\"")
                .contains("name=\"version\" value=\"-1\"")
                .contains("{{termijn}}</code>")
                .contains("Tekst opslaan");
    }

    @Test
    void aReaderSeesTheTextWithoutTheMeansToChangeIt() throws Exception {
        var page = perform(get(INTENTION), Role.MINISTRY_ANALYST).getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("readonly").doesNotContain("Tekst opslaan");
    }

    @Test
    void savesATextAndSaysSo() throws Exception {
        var saved = perform(post(INTENTION).param("body", TEXT).param("version", "-1"), Role.PROVINCE_SUPERVISOR);

        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(saved.getRedirectedUrl()).isEqualTo(INTENTION);
        var page = perform(get(INTENTION), Role.PROVINCE_SUPERVISOR).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Eigen tekst van de provincie, versie 0.").contains("Tot en met {{termijn}} kunt u alsnog voldoen.");
    }

    @Test
    void aRefusedTextComesBackAsTypedWithEachProblemNextToTheField() throws Exception {
        var refused = perform(post(INTENTION).param("body", "Beste {{burgemeester}}, <b>nu</b>").param("version", "-1"),
                Role.PROVINCE_SUPERVISOR);

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("aria-invalid=\"true\"", "aria-describedby=\"body-error body-hint\"", "id=\"body-error\"")
                .contains("Het veld {{burgemeester}} bestaat niet.")
                .contains("zet {{termijn}} in de tekst")
                .contains("Beste {{burgemeester}}, &lt;b&gt;nu&lt;/b&gt;</textarea>");
    }

    @Test
    void aTextChangedInTheMeantimeIsAConflictThatShowsBothTexts() throws Exception {
        perform(post(INTENTION).param("body", TEXT).param("version", "-1"), Role.PROVINCE_SUPERVISOR);
        perform(post(INTENTION).param("body", TEXT + " Eerste.").param("version", "0"), Role.PROVINCE_SUPERVISOR);

        var conflict = perform(post(INTENTION).param("body", TEXT + " Tweede.").param("version", "0"), Role.PROVINCE_SUPERVISOR);

        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(conflict.getContentAsString(StandardCharsets.UTF_8))
                .contains("Iemand anders heeft deze tekst intussen gewijzigd.")
                .contains("kunt u alsnog voldoen. Tweede.</textarea>")
                .contains("kunt u alsnog voldoen. Eerste.</pre>")
                .contains("name=\"version\" value=\"1\"");
    }

    @Test
    void resetsToTheDefault() throws Exception {
        perform(post(INTENTION).param("body", TEXT).param("version", "-1"), Role.PROVINCE_SUPERVISOR);

        var reset = perform(post(INTENTION + "/reset").param("version", "0"), Role.PROVINCE_SUPERVISOR);

        assertThat(reset.getStatus()).isEqualTo(302);
        assertThat(perform(get(INTENTION), Role.PROVINCE_SUPERVISOR).getContentAsString(StandardCharsets.UTF_8))
                .contains("Dit is de standaardtekst van Doorstroom.");
    }

    @Test
    void theExampleIsAPdf() throws Exception {
        var example = perform(get(INTENTION + "/preview"), Role.MINISTRY_ANALYST);

        assertThat(example.getStatus()).isEqualTo(200);
        assertThat(example.getContentType()).isEqualTo("application/pdf");
        assertThat(example.getHeader("Content-Disposition")).contains("voorbeeld-intention-PV26.pdf");
    }

    @Test
    void municipalitiesAndOtherProvincesDoNotSeeTheTexts() throws Exception {
        var northHolland = TestUsers.signedIn(new DoorstroomUser(3, "test-supervisor-pv27", "Toezicht Noord-Holland",
                Role.PROVINCE_SUPERVISOR, Scope.province(ProvinceCode.of("PV27"))));

        assertThat(perform(get(LETTERS), Role.MUNICIPALITY_OFFICER).getStatus()).isEqualTo(403);
        assertThat(perform(get(INTENTION), Role.HOUSING_CORPORATION).getStatus()).isEqualTo(403);
        assertThat(perform(get(LETTERS), northHolland).getStatus()).isEqualTo(403);
        assertThat(perform(post(INTENTION).param("body", TEXT).param("version", "-1"), northHolland).getStatus()).isEqualTo(403);
        assertThat(perform(post(INTENTION).param("body", TEXT).param("version", "-1"), Role.NATIONAL_COORDINATOR).getStatus())
                .isEqualTo(403);
        assertThat(perform(get("/supervision/provinces/PV27/letters"), northHolland).getStatus()).isEqualTo(200);
    }

    @Test
    void anUnknownProvinceOrKindIsNotFound() throws Exception {
        assertThat(perform(get("/supervision/provinces/PV99/letters"), Role.ADMINISTRATOR).getStatus()).isEqualTo(404);
        assertThat(perform(get("/supervision/provinces/utrecht/letters"), Role.ADMINISTRATOR).getStatus()).isEqualTo(404);
        assertThat(perform(get(LETTERS + "/WARNING_LETTER"), Role.ADMINISTRATOR).getStatus()).isEqualTo(404);
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request, Role role) throws Exception {
        return perform(request, TestUsers.signedIn(role));
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request, Authentication user) throws Exception {
        return mvc.perform(request.with(authentication(user)).with(csrf())).andReturn().getResponse();
    }
}
