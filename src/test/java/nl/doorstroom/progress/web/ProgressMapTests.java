package nl.doorstroom.progress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The overview's map: loaded by htmx as a part the browser may keep, or opened on its own as a page. */
@IntegrationTest
class ProgressMapTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theOverviewAsksForTheMapAsAPartThatHoldsNothingOfTheUser() throws Exception {
        var response = mvc.perform(get("/progress/map").header("HX-Request", "true")
                .with(authentication(TestUsers.signedIn(Role.MUNICIPALITY_OFFICER)))).andReturn().getResponse();

        var html = response.getContentAsString();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(html).startsWith("<section").contains("id=\"progress-map\"").contains("class=\"area\"")
                .doesNotContain("Afmelden").doesNotContain("_csrf").doesNotContain("<title>");
        assertThat(response.getHeader("ETag")).isNotBlank();
        assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-cache");
    }

    @Test
    void anUnchangedMapIsNotSentAgain() throws Exception {
        var first = mvc.perform(get("/progress/map").header("HX-Request", "true")
                .with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))).andReturn().getResponse();

        var again = mvc.perform(get("/progress/map").header("HX-Request", "true")
                .header("If-None-Match", first.getHeader("ETag"))
                .with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))).andReturn().getResponse();
        var otherDate = mvc.perform(get("/progress/map?date=2025-06-30").header("HX-Request", "true")
                .header("If-None-Match", first.getHeader("ETag"))
                .with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))).andReturn().getResponse();

        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(otherDate.getStatus()).isEqualTo(200);
        assertThat(otherDate.getContentAsString()).contains("/progress/municipalities/GM0344?date=2025-06-30");
    }

    @Test
    void openedOnItsOwnTheMapIsAPage() throws Exception {
        var response = mvc.perform(get("/progress/map")
                .with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))).andReturn().getResponse();

        assertThat(response.getContentAsString()).contains("<h1>Kaart van de realisatie</h1>").contains("Afmelden");
        assertThat(response.getHeader("ETag")).isNull();
    }

    @Test
    void afterTheSessionEndedHtmxIsSentToTheLogin() throws Exception {
        var response = mvc.perform(get("/progress/map").header("HX-Request", "true")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("HX-Redirect")).isEqualTo("/login");
    }

    @Test
    void aBadDownloadRequestKeepsTheNavigation() throws Exception {
        var response = mvc.perform(get("/progress/municipalities?format=csv&date=gisteren")
                .with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("Afmelden").contains("gisteren");
    }
}
