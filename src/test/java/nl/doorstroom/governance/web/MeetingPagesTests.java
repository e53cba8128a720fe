package nl.doorstroom.governance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The table's pages through the web layer: every page renders, forms record, bad input and stale edits are shown. */
@IntegrationTest
class MeetingPagesTests {

    static final LocalDate TODAY = LocalDate.now(AuditTrail.ZONE);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    MockHttpServletResponse page(Role role, String path) throws Exception {
        return mvc.perform(get(path).with(authentication(TestUsers.signedIn(role)))).andReturn().getResponse();
    }

    long demoMeeting(boolean planned) {
        return jdbc.sql("SELECT id FROM meeting WHERE synthetic AND held_on " + (planned ? ">=" : "<")
                + " current_date ORDER BY held_on" + (planned ? "" : " DESC") + ", id LIMIT 1").query(Long.class).single();
    }

    @Test
    void everyPageRendersForTheChairAndForAMunicipality() throws Exception {
        long planned = demoMeeting(true);
        long held = demoMeeting(false);
        long item = jdbc.sql("SELECT id FROM action_item WHERE synthetic AND owner_organisation = 'Gemeente Utrecht' LIMIT 1")
                .query(Long.class).single();

        for (var path : List.of("/governance", "/governance?lang=en", "/governance/meetings/new", "/governance/meetings/" + planned,
                "/governance/meetings/" + held, "/governance/meetings/" + planned + "/agenda",
                "/governance/meetings/" + planned + "/edit", "/governance/action-items",
                "/governance/action-items?show=all&status=OPEN&overdue=true", "/governance/action-items?status=SLEEPING",
                "/governance/action-items/new?link=ALLOCATION_SCENARIO:12", "/governance/action-items/" + item,
                "/governance/action-items/" + item + "/edit")) {
            var response = page(Role.NATIONAL_COORDINATOR, path);
            assertThat(response.getStatus()).as(path).isEqualTo(200);
        }
        for (var path : List.of("/governance", "/governance/meetings/" + held, "/governance/action-items",
                "/governance/action-items/" + item)) {
            var response = page(Role.MUNICIPALITY_OFFICER, path);
            assertThat(response.getStatus()).as(path).isEqualTo(200);
        }

        var plannedPage = page(Role.NATIONAL_COORDINATOR, "/governance/meetings/" + planned).getContentAsString();
        var agenda = page(Role.COA_PLANNER, "/governance/meetings/" + planned + "/agenda").getContentAsString();
        var newItem = page(Role.NATIONAL_COORDINATOR, "/governance/action-items/new?link=ALLOCATION_SCENARIO:12").getContentAsString();
        var heldForMunicipality = page(Role.MUNICIPALITY_OFFICER, "/governance/meetings/" + held).getContentAsString();
        var workList = page(Role.NATIONAL_COORDINATOR, "/governance/action-items?show=all&overdue=true").getContentAsString();
        assertThat(plannedPage).contains("Openstaande actiepunten", "Over de termijn:");
        assertThat(agenda).contains("Openstaande actiepunten", "Over de termijn:").doesNotContain("main-nav");
        assertThat(newItem).contains("ALLOCATION_SCENARIO:12");
        assertThat(heldForMunicipality).contains("Het verslag is alleen voor de leden van de tafel.");
        assertThat(workList).contains("overdue-flag");
        assertThat(page(Role.NATIONAL_COORDINATOR, "/governance/meetings/999999999").getStatus()).isEqualTo(404);
    }

    @Test
    void aMeetingRecordedThroughTheFormIsShownAndAStaleEditKeepsWhatWasTyped() throws Exception {
        var recorded = mvc.perform(post("/governance/meetings").with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))
                .with(csrf()).param("heldOn", TODAY.toString()).param("kind", "EXTRA").param("title", "Pagina-overleg")
                .param("participants", "COA | J. Jansen\nMinisterie van BZK").param("agendaItems", "Opening\nUitstroom | extra")
                .param("decisions", "Eerste\nTweede").param("minutes", "Verslag")).andReturn().getResponse();
        var location = recorded.getRedirectedUrl();
        var shown = page(Role.MINISTRY_ANALYST, location).getContentAsString();
        var stale = mvc.perform(post(location).with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST))).with(csrf())
                .param("version", "7").param("heldOn", TODAY.toString()).param("kind", "EXTRA").param("title", "Mijn titel"))
                .andReturn().getResponse().getContentAsString();
        var refused = mvc.perform(post("/governance/meetings").with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))
                .with(csrf()).param("heldOn", "morgen").param("kind", "EXTRA").param("title", ""))
                .andReturn().getResponse();

        assertThat(location).matches("/governance/meetings/\\d+");
        assertThat(shown).contains("Pagina-overleg", "J. Jansen", "Uitstroom", "Tweede", "Verslag");
        assertThat(stale).contains("intussen gewijzigd door test-ministry_analyst", "Mijn titel");
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("id=\"heldOn-error\"", "id=\"problems\"");
    }

    @Test
    void anActionItemRecordedAtTheMeetingAppearsThereAndABadLinkIsNamedByItsLine() throws Exception {
        var recorded = mvc.perform(post("/governance/meetings").with(authentication(TestUsers.signedIn(Role.NATIONAL_COORDINATOR)))
                .with(csrf()).param("heldOn", TODAY.minusDays(1).toString()).param("kind", "REGULAR").param("title", "Pagina-items"))
                .andReturn().getResponse().getRedirectedUrl();
        var added = mvc.perform(post(recorded + "/action-items").with(authentication(TestUsers.signedIn(Role.NATIONAL_COORDINATOR)))
                .with(csrf()).param("what", "Uitzoeken").param("ownerOrganisation", "COA").param("dueOn", TODAY.plusDays(3).toString())
                .param("links", "MUNICIPALITY:GM0344")).andReturn().getResponse();
        var badLink = mvc.perform(post(recorded + "/action-items").with(authentication(TestUsers.signedIn(Role.NATIONAL_COORDINATOR)))
                .with(csrf()).param("what", "Uitzoeken").param("ownerOrganisation", "COA").param("dueOn", TODAY.toString())
                .param("links", "MUNICIPALITY:GM0344\nKASTEEL:1")).andReturn().getResponse().getContentAsString();
        var meetingPage = page(Role.NATIONAL_COORDINATOR, recorded).getContentAsString();

        assertThat(added.getRedirectedUrl()).isEqualTo(recorded + "#action-items");
        assertThat(meetingPage).contains("Uitzoeken", "/progress/municipalities/GM0344");
        assertThat(badLink).contains("Regel 2:", "KASTEEL:1");
    }
}
