package nl.doorstroom.reception.web;

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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The reception task pages as their readers see them: rows in scope, refusals next to fields and by row. */
@IntegrationTest
class ReceptionTaskPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aMunicipalityOfficerSeesOnlyTheirOwnRowWithPlacesPerThousand() throws Exception {
        var page = mvc.perform(get("/reception/tasks").with(authentication(TestUsers.signedIn(Role.MUNICIPALITY_OFFICER))))
                .andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(200);
        var html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Utrecht", "Taak per 1.000 inwoners").doesNotContain(">Amsterdam<");
    }

    @Test
    void theEnglishPageComesFromTheEnglishBundle() throws Exception {
        var page = mvc.perform(get("/reception/tasks?lang=en")
                .with(authentication(TestUsers.signedIn(Role.COA_PLANNER)))).andReturn().getResponse();

        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("Reception task per municipality");
    }

    @Test
    void aRefusedTotalShowsEachProblemNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
        var page = mvc.perform(post("/reception/tasks/totals").param("total", "-3").param("effectiveDate", "morgen")
                .param("reason", "").with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST))).with(csrf()))
                .andReturn().getResponse();

        var html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"effectiveDate-error\"", "value=\"-3\"", "value=\"morgen\"");
    }

    @Test
    void aRefusedImportListsEveryBadRow() throws Exception {
        var file = new MockMultipartFile("file", "plaatsen.csv", "text/csv",
                "municipality,places,reference_date\nGM0363,1,2024-06-30\nGM9999,2,2024-06-30\nGM0344,x,2024-06-30\n"
                        .getBytes(StandardCharsets.UTF_8));

        var page = mvc.perform(multipart("/reception/tasks/places-import").file(file)
                .with(authentication(TestUsers.signedIn(Role.NATIONAL_COORDINATOR))).with(csrf()))
                .andReturn().getResponse();

        var html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(html).contains("plaatsen.csv", "Gemeente GM9999 bestaat niet.", "&#39;x&#39; is geen geheel getal");
    }
}
