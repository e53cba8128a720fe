package nl.doorstroom.housingmarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The housing-market pages: the overview with the demo's synthetic figures, a corporation's page as the corporation
 * itself, the edit form with the version read (a stale one shows what is stored now), and the import refused with
 * every problem by row and column. The tests write rows of 2024 only.
 */
@IntegrationTest
class MarketPagesIntegrationTests {

    static final String EXAMPLE = "Woonstichting Voorbeeld (synthetisch)";
    static final Authentication EXAMPLE_USER = TestUsers.signedIn(new DoorstroomUser(3, "test-voorbeeld", "Voorbeeld",
            Role.HOUSING_CORPORATION, Scope.organisation(EXAMPLE, Set.of(MunicipalityCode.of("GM0344"),
                    MunicipalityCode.of("GM0353"), MunicipalityCode.of("GM0355"), MunicipalityCode.of("GM0356")))));

    @Autowired
    MockMvc mvc;

    @Autowired
    HousingStocks stocks;

    String page(AbstractMockHttpServletRequestBuilder<?> request, Authentication user, int status) throws Exception {
        var response = mvc.perform(request.with(authentication(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    long example() throws Exception {
        return TestUsers.as(Role.ADMINISTRATOR, () -> stocks.corporations().stream()
                .filter(c -> c.name().equals(EXAMPLE)).findFirst().orElseThrow().id());
    }

    @Test
    void theOverviewShowsEveryMunicipalityWithTotalsAndLabelsSyntheticFigures() throws Exception {
        var html = page(get("/housing-market").param("year", "2026"), TestUsers.signedIn(Role.MINISTRY_ANALYST), 200);
        assertThat(html).contains("Woningmarkt", "Nederland in 2026", "synthetisch", "Amsterdam", "Vaals",
                "Toewijzingsaandeel vergunninghouders", EXAMPLE);
        // The simulation pages are reachable from the market overview (no other entry leads there).
        assertThat(html).contains("href=\"/housing-market/simulations\"", "href=\"/housing-market/needed-share\"");
        var province = page(get("/housing-market").param("province", "PV26").param("lang", "en"),
                TestUsers.signedIn(Role.PROVINCE_SUPERVISOR), 200);
        assertThat(province).contains("Utrecht in", "Zeist").doesNotContain("Amsterdam");
        var outside = page(get("/housing-market").param("province", "PV27"), TestUsers.signedIn(Role.PROVINCE_SUPERVISOR), 200);
        assertThat(outside).contains("ligt buiten uw gebied").doesNotContain(">Amsterdam<");
        var corporation = page(get("/housing-market"), EXAMPLE_USER, 200);
        assertThat(corporation).contains(EXAMPLE).doesNotContain("Stadswonen Randstad");
    }

    @Test
    void theCorporationEditsItsOwnRowAndAStaleVersionShowsWhatIsStoredNow() throws Exception {
        long id = example();
        var own = page(get("/housing-market/corporations/" + id).param("year", "2026"), EXAMPLE_USER, 200);
        assertThat(own).contains("Utrecht", "Zeist", "IJsselstein", "Nieuwegein", "Wijzig Zeist");
        var form = page(get("/housing-market/corporations/" + id + "/figures/2024/GM0356"), EXAMPLE_USER, 200);
        assertThat(form).contains("name=\"version\" value=\"0\"");

        var saved = mvc.perform(post("/housing-market/corporations/" + id + "/figures/2024/GM0356").with(csrf())
                .with(authentication(EXAMPLE_USER)).params(fields("0", "1.200", "7"))).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/housing-market/corporations/" + id + "?year=2024");

        var stale = page(post("/housing-market/corporations/" + id + "/figures/2024/GM0356").with(csrf())
                .params(fields("0", "1.300", "7")), EXAMPLE_USER, 200);
        assertThat(stale).contains("intussen gewijzigd", "name=\"version\" value=\"1\"", "value=\"1.300\"");

        var bad = page(post("/housing-market/corporations/" + id + "/figures/2024/GM0356").with(csrf())
                .params(fields("1", "veel", "99")), EXAMPLE_USER, 200);
        assertThat(bad).contains("&#39;veel&#39; is geen geheel getal", "Woningen klein", "aria-invalid=\"true\"");
        assertThat(TestUsers.as(Role.ADMINISTRATOR, () -> stocks.figure(id, MunicipalityCode.of("GM0356"), 2024)))
                .hasValueSatisfying(f -> assertThat(f.homes(SizeBand.SMALL)).isEqualTo(1200));

        page(get("/housing-market/corporations/" + id + "/figures/2024/GM0363"), EXAMPLE_USER, 403);
        page(get("/housing-market/corporations/" + id + "/figures/2024/GM0356"), TestUsers.signedIn(Role.MINISTRY_ANALYST), 403);
    }

    @Test
    void anotherCorporationsPageIsNotFoundForACorporation() throws Exception {
        long other = TestUsers.as(Role.ADMINISTRATOR, () -> stocks.corporations().stream()
                .filter(c -> c.name().startsWith("Stadswonen Randstad")).findFirst().orElseThrow().id());
        page(get("/housing-market/corporations/" + other), EXAMPLE_USER, 404);
        var officer = page(get("/housing-market/corporations/" + other).param("year", "2026"),
                TestUsers.signedIn(Role.MUNICIPALITY_OFFICER), 200);
        assertThat(officer).contains("Utrecht").doesNotContain("Amsterdam");
    }

    @Test
    void aRefusedImportListsEveryProblemByRowAndColumn() throws Exception {
        long id = example();
        var file = new MockMultipartFile("file", "fout.csv", "text/csv", (HousingStocks.importHeader() + "\n"
                + "GM0344;1;1;1;1;1;1;1;1;0;1;1;\nGM0363;1;1;1;1;1;1;1;1;0;1;1;\nGM0353;-1;1;1;1;1;1;1;1;0;1;1;\n")
                .getBytes(StandardCharsets.UTF_8));
        var html = page(multipart("/housing-market/import").file(file).param("corporation", String.valueOf(id))
                .param("year", "2024").with(csrf()), EXAMPLE_USER, 200);
        assertThat(html).contains("fout.csv", "gemeentecode", "bedient gemeente GM0363 niet", "woningen_klein",
                "-1 is negatief");
        var importPage = page(get("/housing-market/import"), EXAMPLE_USER, 200);
        assertThat(importPage).contains("mediane_inschrijfduur_maanden", "nieuwe_woningzoekenden_per_jaar", EXAMPLE)
                .doesNotContain("Stadswonen Randstad");
    }

    private static org.springframework.util.MultiValueMap<String, String> fields(String version, String small,
            String allocated) {
        var fields = new org.springframework.util.LinkedMultiValueMap<String, String>();
        fields.add("version", version);
        for (var band : SizeBand.values()) {
            fields.add("homes." + band.name(), band == SizeBand.SMALL ? small : "100");
            fields.add("vacancies." + band.name(), "10");
        }
        fields.add("allocated", allocated);
        fields.add("activeSeekers", "2.500");
        fields.add("medianWaitMonths", "60,5");
        fields.add("newSeekersPerYear", "");
        return fields;
    }
}
