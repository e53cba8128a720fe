package nl.doorstroom.sites.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.sites.SiteForm;
import nl.doorstroom.sites.SiteInventory;
import nl.doorstroom.sites.SiteKind;
import nl.doorstroom.sites.SiteOwner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The site pages as each role sees them, on the demo data: the list with its map and counts, a site with its
 * status form, refusals next to their fields, and a conflict shown as both versions side by side.
 */
@IntegrationTest
class SitePagesTests {

    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    SiteInventory inventory;

    @Test
    void theListShowsEveryProvinceTheCountsPerKindAndTheMapWithItsLegendInWords() throws Exception {
        var page = page(get("/sites"), Role.NATIONAL_COORDINATOR);

        assertThat(page).contains("Per soort", "Recreatiepark", "Rijksgrond", "Kerkgebouw", "Rijksvastgoed")
                .contains("Groningen", "Limburg", "Zeeland", "Utrecht")
                .contains("class=\"area site-marker\"", "Legenda", "In onderhandeling", "Afgevallen")
                .contains("format=csv", "format=xlsx");
    }

    @Test
    void aProvinceSeesItsOwnListOnlyAndAMunicipalityItsOwnSites() throws Exception {
        var province = page(get("/sites"), Role.PROVINCE_SUPERVISOR);
        var municipality = page(get("/sites"), Role.MUNICIPALITY_OFFICER);

        assertThat(province).contains("id=\"province-PV26\"").doesNotContain("id=\"province-PV27\"");
        assertThat(municipality).contains("id=\"province-PV26\"").doesNotContain("Zeist (demo)");
    }

    @Test
    void aFilterThatCannotBeReadIsShownAndLeftOut() throws Exception {
        var page = page(get("/sites?kind=KASTEEL&status=IN_USE"), Role.NATIONAL_COORDINATOR);

        assertThat(page).contains("KASTEEL", "dat filter is weggelaten");
    }

    @Test
    void aSiteShowsItsHistoryAndToAnEditorTheNextSteps() throws Exception {
        long id = site(unique("Hotel Pagina"));

        var editor = page(get("/sites/" + id), Role.PROVINCE_SUPERVISOR);
        var reader = page(get("/sites/" + id), Role.MINISTRY_ANALYST);

        assertThat(editor).contains("Statusgeschiedenis", "(toegevoegd)", "name=\"status\"", "value=\"CONTACTED\"",
                "value=\"DROPPED\"", "Komt in aanmerking voor de HAR");
        assertThat(reader).contains("Statusgeschiedenis").doesNotContain("value=\"CONTACTED\"");
    }

    @Test
    void droppingWithoutAReasonShowsTheProblemNextToTheReason() throws Exception {
        long id = site(unique("Hotel Reden"));

        var page = page(post("/sites/" + id + "/status").param("version", "0").param("status", "DROPPED")
                .param("occurredOn", today().toString()).param("reason", ""), Role.NATIONAL_COORDINATOR);

        assertThat(page).contains("id=\"move-reason-error\"", "een locatie valt alleen af met een reden");
    }

    @Test
    void aStatusStepAfterSomeoneElsesShowsWhatWasEnteredBesideWhatIsStored() throws Exception {
        long id = site(unique("Hotel Stap"));
        TestUsers.as(Role.COA_PLANNER, () -> {
            inventory.moveStatus(id, 0, nl.doorstroom.sites.SiteStatus.CONTACTED, today(), null);
            return null;
        });

        var page = page(post("/sites/" + id + "/status").param("version", "0").param("status", "DROPPED")
                .param("occurredOn", today().toString()).param("reason", "Te duur volgens mij"), Role.NATIONAL_COORDINATOR);

        assertThat(page).contains("id=\"conflict\"", "Te duur volgens mij", "Afgevallen", "Benaderd", "test-coa_planner")
                .contains("name=\"version\" value=\"1\"");
    }

    @Test
    void aChangeAfterSomeoneElsesShowsEveryDifferingFieldSideBySide() throws Exception {
        var name = unique("Hotel Wijziging");
        long id = site(name);
        TestUsers.as(Role.COA_PLANNER, () -> {
            inventory.change(id, 0, new SiteForm(SiteKind.HOTEL, name, UTRECHT, "Adres van " + name, null, null,
                    SiteOwner.PRIVATE, 55, today(), null, null, null, "Notitie van COA"));
            return null;
        });

        var page = page(post("/sites/" + id).param("version", "0").param("name", name).param("kind", "HOTEL")
                .param("municipality", "GM0344").param("address", "Adres van " + name).param("owner", "PRIVATE")
                .param("capacity", "70").param("availableFrom", today().toString()), Role.NATIONAL_COORDINATOR);

        assertThat(page).contains("id=\"conflict\"", "Uw invoer (niet opgeslagen)", "Opgeslagen nu")
                .contains("<td>70</td>", "<td>55</td>", "Notitie van COA")
                .contains("name=\"version\" value=\"1\"").contains("value=\"70\"");
    }

    @Test
    void aNewSiteIsAddedAndARefusedOneKeepsWhatWasTyped() throws Exception {
        var name = unique("Kerk Nieuw");

        var added = mvc.perform(post("/sites").param("name", name).param("kind", "CHURCH_BUILDING").param("municipality", "GM0344")
                .param("address", "Kerkplein " + name).param("owner", "CHURCH").param("capacity", "12")
                .param("status", "AGREED").param("latitude", "52,09").param("longitude", "5,12")
                .with(authentication(TestUsers.signedIn(Role.MUNICIPALITY_OFFICER))).with(csrf())).andReturn().getResponse();
        var refused = page(post("/sites").param("name", name + " 2").param("kind", "CHURCH_BUILDING")
                .param("municipality", "GM0344").param("address", "Kerkplein " + name).param("owner", "CHURCH")
                .param("capacity", "twaalf").param("latitude", "5,12"), Role.MUNICIPALITY_OFFICER);

        assertThat(added.getStatus()).isEqualTo(302);
        assertThat(added.getRedirectedUrl()).matches("/sites/\\d+");
        assertThat(refused).contains("id=\"capacity-error\"", "id=\"longitude-error\"", "id=\"latitude-error\"",
                "value=\"twaalf\"", "value=\"" + name + " 2\"");
    }

    @Test
    void aRefusedImportListsEveryProblemByRowAndColumn() throws Exception {
        var file = new MockMultipartFile("file", "lijst.csv", "text/csv",
                "name;kind;municipality;address;owner;capacity\nHotel;HOTEL;GM9999;Weg 1;PRIVATE;40\n"
                        .getBytes(StandardCharsets.UTF_8));

        var page = page(multipart("/sites/import").file(file), Role.PROVINCE_SUPERVISOR);

        assertThat(page).contains("id=\"problems\"", "lijst.csv", "GM9999", "<td>2</td>");
    }

    @Test
    void theListDownloadsAsCsvWithTheFilters() throws Exception {
        var started = mvc.perform(get("/sites/export?format=csv&province=PV26&kind=HOTEL")
                .with(authentication(TestUsers.signedIn(Role.NATIONAL_COORDINATOR)))).andReturn();
        var csv = mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv).contains("Gemeentecode", "Hotel").doesNotContain("Recreatiepark");
    }

    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");

    private long site(String name) throws Exception {
        return TestUsers.as(Role.NATIONAL_COORDINATOR, () -> inventory.register(new SiteForm(SiteKind.HOTEL, name, UTRECHT,
                "Adres van " + name, null, null, SiteOwner.PRIVATE, 40, today(), null, new BigDecimal("80.00"), null,
                null), null));
    }

    private String page(org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request, Role role) throws Exception {
        request.with(authentication(TestUsers.signedIn(role)));
        MockHttpServletResponse response = mvc.perform(request.with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    static String unique(String prefix) {
        return prefix + " " + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }
}
