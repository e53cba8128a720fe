package nl.doorstroom.progress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.Role;
import nl.doorstroom.progress.Realisation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The import page of COA's monthly figures. */
@IntegrationTest
class RealisationPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Realisation realisation;

    @Test
    void aRefusedFileShowsEveryProblemOnItsLineAndStoresNothing() throws Exception {
        int before = realisation.imports().size();
        var file = new MockMultipartFile("file", "maandcijfers.csv", "text/csv",
                "gemeente;maand;aantal\nGM0344;2024-01;3\n\nGM9999;2024-01;2\nGM0344;2024-02;-1\n"
                        .getBytes(StandardCharsets.UTF_8));

        var page = mvc.perform(multipart("/progress/import").file(file).with(csrf())
                .with(authentication(TestUsers.signedIn(Role.COA_PLANNER)))).andReturn().getResponse();

        var html = page.getContentAsString();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(html).contains("Het bestand maandcijfers.csv is geweigerd: 2 probleem/problemen")
                .contains("<td>4</td>").contains("GM9999 is geen gemeente van de huidige indeling")
                .contains("<td>5</td>").contains("&#39;-1&#39; is negatief");
        assertThat(realisation.imports()).hasSize(before);
    }

    @Test
    void aMonthDeliveredTwiceShowsBothDeliveriesAndWhichCounts() throws Exception {
        var page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/progress/municipalities/GM0344")
                .with(authentication(TestUsers.signedIn(Role.MUNICIPALITY_OFFICER)))).andReturn().getResponse();

        var html = page.getContentAsString();
        assertThat(html).contains("Maanden die vaker zijn geleverd");
        assertThat(html.split("<td>ja</td>", -1)).as("one counting delivery per corrected month").hasSize(3);
    }
}
