package nl.doorstroom.progress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Progress tables as downloads: the same rows as the page, and bad requests answered with the problem. */
@IntegrationTest
class ProgressDownloadsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theMunicipalityTableOfAProvinceDownloadsWithTheReferenceDateAndEveryRow() throws Exception {
        var started = mvc.perform(get("/progress/municipalities?format=csv&province=PV26&date=2025-12-31")
                .with(authentication(TestUsers.signedIn(Role.MUNICIPALITY_OFFICER)))).andReturn();
        var response = mvc.perform(asyncDispatch(started)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition")).contains("voortgang-gemeenten-2025-12-31.csv");
        var lines = response.getContentAsString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).contains("2025-12-31");
        assertThat(lines).hasSize(2 + 26);
    }

    @Test
    void aDateInTheFutureIsABadRequestThatSaysWhy() throws Exception {
        var response = mvc.perform(get("/progress/municipalities?format=csv&date=2999-01-01")
                .with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("2999-01-01");
    }

    @Test
    void aDateBeforeAnyQuotaIsNotFoundRatherThanAnError() throws Exception {
        var response = mvc.perform(get("/progress?format=csv&table=provinces&date=2021-06-01")
                .with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(404);
    }

    @Test
    void anUnknownFormatIsABadRequest() throws Exception {
        var response = mvc.perform(get("/progress?format=pdf")
                .with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
    }
}
