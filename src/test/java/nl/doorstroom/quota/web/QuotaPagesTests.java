package nl.doorstroom.quota.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.quota.ApportionmentMethod;
import nl.doorstroom.quota.QuotaCalculation;
import nl.doorstroom.quota.QuotaTransfers;
import nl.doorstroom.quota.WhatIf;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class QuotaPagesTests {

    static final HalfYear DEMO_PERIOD = new HalfYear(2024, 1);

    @Autowired
    MockMvc mvc;

    @Autowired
    QuotaCalculation calculation;

    @Autowired
    QuotaTransfers transfers;

    @Autowired
    Populations populations;

    @Test
    void everyQuotaPageRendersForAnAnalyst() throws Exception {
        for (var page : List.of("/quota", "/quota/periods/2024-I", "/quota/periods/2024-I?q=utr&province=PV26&sort=quota",
                "/quota/transfers", "/quota/mergers", "/quota/what-if", "/quota/what-if?key=population",
                "/quota/indicators", "/quota?lang=en")) {
            var response = asAnalyst(get(page));

            assertThat(response.getStatus()).as(page).isEqualTo(200);
            assertThat(response.getContentAsString()).as(page).contains("<h1");
        }
    }

    @Test
    void aHalfYearThatIsNoHalfYearIsNotFound() throws Exception {
        assertThat(asAnalyst(get("/quota/periods/2024-III")).getStatus()).isEqualTo(404);
        assertThat(asAnalyst(get("/quota/periods/nonsense/letters")).getStatus()).isEqualTo(404);
        assertThat(asAnalyst(get("/quota/periods/2024-I/letters/GM9999")).getStatus()).isEqualTo(404);
    }

    @Test
    void publishingAFreshHalfYearNeedsTheLawsPopulationOrAChosenVersionWithAReason() throws Exception {
        var period = new HalfYear(2031, 1);
        int before = calculation.of(period).size();

        var entered = asAnalyst(post("/quota/national-totals").param("period", "2031-I").param("total", "12000")
                .param("effectiveDate", today().toString()).param("reason", "Test: landelijk aantal 2031-I"));
        var refused = asAnalyst(post("/quota/calculations").param("period", "2031-I"));

        assertThat(entered.getStatus()).isEqualTo(302);
        assertThat(entered.getRedirectedUrl()).isEqualTo("/quota#publish");
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("bevolking op 2030-01-01").contains("Huisvestingswet 2014 art. 29 lid 1");
        assertThat(calculation.of(period)).hasSize(before);

        var chosen = populations.latest();
        var published = asAnalyst(post("/quota/calculations").param("period", "2031-I")
                .param("populationVersion", String.valueOf(chosen.id()))
                .param("choiceReason", "Test: de CBS-cijfers per 1-1-2030 zijn er nog niet"));

        assertThat(published.getStatus()).isEqualTo(302);
        assertThat(published.getRedirectedUrl()).isEqualTo("/quota/periods/2031-I");
        assertThat(calculation.of(period)).hasSize(before + 1);
        var latest = calculation.of(period).get(0);
        assertThat(latest.versionChosen()).isTrue();
        assertThat(latest.populationVersionId()).isEqualTo(chosen.id());
        assertThat(latest.nationalTotal()).isEqualTo(12000);
        assertThat(asAnalyst(get("/quota/periods/2031-I")).getContentAsString())
                .contains("de CBS-cijfers per 1-1-2030 zijn er nog niet");
    }

    @Test
    void anUnbalancedTransferIsRefusedWithTheRuleAndNothingIsStored() throws Exception {
        int before = transfers.all().size();

        var response = asAnalyst(post("/quota/transfers").param("period", "2024-II")
                .param("municipality", "GM0344", "GM0355", "", "", "", "")
                .param("change", "-5", "8", "", "", "", "")
                .param("agreedOn", "2024-07-10").param("reason", "Test: ongelijke overdracht"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("tellen op tot 3 in plaats van 0")
                .contains("art. 29 lid 2").contains("Test: ongelijke overdracht");
        assertThat(transfers.all()).hasSize(before);
    }

    @Test
    void theLetterToAMunicipalityStatesItsQuota() throws Exception {
        var current = calculation.current(DEMO_PERIOD, today()).orElseThrow();
        long quota = calculation.quotasOf(current.id()).get(MunicipalityCode.of("GM0344")).quota();

        var response = asAnalyst(get("/quota/periods/2024-I/letters/GM0344"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        var pdf = response.getContentAsByteArray();
        assertThat(new String(pdf, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        try (var document = Loader.loadPDF(pdf)) {
            var text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(text).contains("Aan het college van burgemeester en wethouders van Utrecht")
                    .contains("Taakstelling huisvesting vergunninghouders 2024-I")
                    .contains("vastgesteld op " + NumberFormat.getIntegerInstance(Locale.forLanguageTag("nl")).format(quota)
                            + " te huisvesten")
                    .contains("Huisvestingswet 2014 art. 29 lid 1")
                    .contains("synthetische demonstratiegegevens");
        }
    }

    @Test
    void theLettersToAllMunicipalitiesHaveOnePageEach() throws Exception {
        var current = calculation.current(DEMO_PERIOD, today()).orElseThrow();

        var response = asAnalyst(get("/quota/periods/2024-I/letters"));

        assertThat(response.getStatus()).isEqualTo(200);
        try (var document = Loader.loadPDF(response.getContentAsByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(current.municipalities()).isEqualTo(342);
        }
    }

    @Test
    void theWhatIfPageForTheKoenigsteinKeyShowsEveryMunicipalityAndTheLawsMethodAboveTheTotal() throws Exception {
        var result = mvc.perform(get("/quota/what-if").param("key", "koenigstein").param("total", "20000")
                .with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        var model = result.getModelAndView().getModel();
        assertThat((List<?>) model.get("rows")).hasSize(342);
        var whatIf = (WhatIf.Result) model.get("result");
        assertThat(whatIf.sums().get(ApportionmentMethod.ROUND_UP)).isGreaterThan(20000);
        assertThat(whatIf.sums().get(ApportionmentMethod.LARGEST_REMAINDER)).isEqualTo(20000);
        assertThat(result.getResponse().getContentAsString()).contains("boven het te verdelen aantal")
                .contains("Königsteiner Schlüssel").contains("synthetisch");
    }

    @Test
    void theCsvOfAHalfYearHasOneRowPerMunicipality() throws Exception {
        var started = mvc.perform(get("/quota/periods/2024-I").param("format", "csv")
                .with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))).andReturn();
        var response = mvc.perform(asyncDispatch(started)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        var text = response.getContentAsString(StandardCharsets.UTF_8).replace("\uFEFF", "");
        var records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertThat(records.get(0).get(0)).startsWith("Taakstelling 2024-I");
        assertThat(records.get(1).get(0)).isEqualTo("Gemeentecode");
        assertThat(records).hasSize(2 + 342);
    }

    @Test
    void aDownloadInAnotherFormatIsABadRequest() throws Exception {
        assertThat(asAnalyst(get("/quota/periods/2024-I").param("format", "pdf")).getStatus()).isEqualTo(400);
        assertThat(asAnalyst(get("/quota/what-if").param("key", "population").param("format", "ods")).getStatus())
                .isEqualTo(400);
    }

    @Test
    void aMunicipalityOfficerMayNotEnterANationalTotal() throws Exception {
        var response = mvc.perform(post("/quota/national-totals").param("period", "2032-I").param("total", "1")
                .param("effectiveDate", today().toString()).param("reason", "not allowed")
                .with(authentication(TestUsers.signedIn(Role.MUNICIPALITY_OFFICER))).with(csrf()))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
    }

    @Test
    void aSupervisorWhoLeavesOutTheSuccessorSeesEveryProblemOfTheMergerForm() throws Exception {
        var response = mvc.perform(post("/quota/mergers").param("effective", "2031-I")
                .with(authentication(TestUsers.signedIn(Role.PROVINCE_SUPERVISOR))).with(csrf()))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("Kies de gemeente waarin de andere opgaan")
                .contains("Vul de datum van het besluit in");
    }

    @Test
    void theMergerFormIsNotOfferedToAnAnalyst() throws Exception {
        var page = asAnalyst(get("/quota/mergers")).getContentAsString();

        assertThat(page).doesNotContain("action=\"/quota/mergers\"")
                .contains("Alleen toezichthouders van een provincie en beheerders leggen herindelingen vast");
    }

    private MockHttpServletResponse asAnalyst(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(authentication(TestUsers.signedIn(Role.MINISTRY_ANALYST)))
                .with(csrf())).andReturn();
        return result.getResponse();
    }

    private static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }
}
