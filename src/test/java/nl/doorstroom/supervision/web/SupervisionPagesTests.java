package nl.doorstroom.supervision.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import nl.doorstroom.supervision.EscalationCase;
import nl.doorstroom.supervision.Escalations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The supervision pages through the web layer: bad input shown at its field, conflicts, scope, not found. */
@IntegrationTest
class SupervisionPagesTests {

    static final LocalDate TODAY = LocalDate.now(AuditTrail.ZONE);

    @Autowired
    MockMvc mvc;
    @Autowired
    Escalations escalations;
    @Autowired
    MunicipalityRegistry registry;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void withdrawWhatTheTestOpened() throws Exception {
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> {
            for (var c : escalations.cases(ProvinceCode.of("PV26"), null, true)) {
                if (!c.synthetic()) {
                    escalations.close(c.id(), c.version(), new Escalations.CaseClosing(EscalationCase.Closure.WITHDRAWN,
                            TODAY, "einde van de test", null, null, null, null, null));
                }
            }
            return null;
        });
    }

    MunicipalityCode free() {
        var used = Set.copyOf(jdbc.sql("SELECT municipality_code FROM escalation_case").query(String.class).list());
        return registry.inProvince(ProvinceCode.of("PV26")).stream().map(m -> m.code())
                .filter(c -> !used.contains(c.value()) && !Set.of("GM0331", "GM0335", "GM0339").contains(c.value()))
                .findFirst().orElseThrow();
    }

    MockHttpServletResponse as(Role role, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(TestUsers.signedIn(role))).with(csrf())).andReturn().getResponse();
    }

    static String html(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aCaseOpenedWithoutAReasonIsRefusedAtItsFieldWithWhatWasTypedKept() throws Exception {
        var code = free();

        var response = as(Role.PROVINCE_SUPERVISOR, post("/supervision/municipalities/" + code.value() + "/cases")
                .param("openedOn", TODAY.toString()).param("decisionMaker", "Gedeputeerde Staten").param("reason", " "));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(html(response)).contains("id=\"reason-error\"").contains("value=\"Gedeputeerde Staten\"");
        assertThat(TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> escalations.cases(null, code, false))).isEmpty();
    }

    @Test
    void aCaseOpensAndTheBrowserGoesToIt() throws Exception {
        var code = free();

        var response = as(Role.PROVINCE_SUPERVISOR, post("/supervision/municipalities/" + code.value() + "/cases")
                .param("openedOn", TODAY.toString()).param("decisionMaker", "GS").param("reason", "Rood"));

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).matches("/supervision/cases/\\d+");
    }

    @Test
    void aMoveOnAStaleVersionShowsTheConflictAndChangesNothing() throws Exception {
        var code = free();
        long id = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> escalations.open(new Escalations.CaseOpening(code,
                TODAY.minusDays(3), "Rood", "GS", null, null, null)));
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> escalations.move(id, 0, new Escalations.StepMove("OFFICIAL_TALKS",
                TODAY.minusDays(2), "GS", null, null, null, false)));

        var response = as(Role.PROVINCE_SUPERVISOR, post("/supervision/cases/" + id + "/steps").param("version", "0")
                .param("stepKey", "ADMINISTRATIVE_TALKS").param("stepOn", TODAY.toString()).param("decisionMaker", "GS"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(html(response)).contains("Iemand anders heeft deze zaak intussen gewijzigd");
        assertThat(TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> escalations.find(id)).steps()).hasSize(2);
    }

    @Test
    void anAmountIsReadAsACivilServantWritesIt() {
        assertThat(SupervisionPages.parseAmount("12.500,50")).isEqualByComparingTo("12500.50");
        assertThat(SupervisionPages.parseAmount("€ 1.250")).isEqualByComparingTo("1250");
        assertThat(SupervisionPages.parseAmount("99.95")).isEqualByComparingTo("99.95");
        assertThat(SupervisionPages.parseAmount("1250,5")).isEqualByComparingTo("1250.5");
    }

    @Test
    void anOverdueListAtAnUnreadableDateSaysWhichField() throws Exception {
        var response = as(Role.PROVINCE_SUPERVISOR, get("/supervision/overdue").param("date", "morgen"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(html(response)).contains("id=\"date-error\"");
    }

    @Test
    void anOfficerOfAnotherMunicipalityDoesNotSeeACaseAndAnUnknownCaseIsNotFound() throws Exception {
        long id = jdbc.sql("SELECT id FROM escalation_case WHERE municipality_code <> 'GM0344' ORDER BY id LIMIT 1")
                .query(Long.class).single();

        assertThat(as(Role.MUNICIPALITY_OFFICER, get("/supervision/cases/" + id)).getStatus()).isEqualTo(403);
        assertThat(as(Role.PROVINCE_SUPERVISOR, get("/supervision/cases/999999")).getStatus()).isEqualTo(404);
        assertThat(as(Role.MUNICIPALITY_OFFICER, get("/supervision")).getRedirectedUrl())
                .isEqualTo("/supervision/municipalities/GM0344");
        assertThat(as(Role.PROVINCE_SUPERVISOR, get("/supervision")).getRedirectedUrl())
                .isEqualTo("/supervision/provinces/PV26");
    }
}
