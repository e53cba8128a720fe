package nl.doorstroom.quota.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.quota.Mergers;
import nl.doorstroom.quota.NationalTotals;
import nl.doorstroom.quota.QuotaCalculation;
import nl.doorstroom.quota.QuotaTransfers;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The quota letters as PDF, on embedded PostgreSQL with the demo history loaded. Half-years far
 * ahead and Zeeland municipalities that no other test uses.
 */
@IntegrationTest
class QuotaLettersTests {

    static final MunicipalityCode KAPELLE = MunicipalityCode.of("GM0678");
    static final MunicipalityCode NOORD_BEVELAND = MunicipalityCode.of("GM1695");
    static final MunicipalityCode MIDDELBURG = MunicipalityCode.of("GM0687");
    static final MunicipalityCode VLISSINGEN = MunicipalityCode.of("GM0718");

    /** The line of the computation with the national total, as the text of the PDF reads. */
    static final String VG_2036 = "landelijk aantal te huisvesten vergunninghouders in 2036-I ";

    @Autowired
    MockMvc mvc;

    @Autowired
    NationalTotals totals;

    @Autowired
    QuotaCalculation calculation;

    @Autowired
    QuotaTransfers transfers;

    @Autowired
    Populations populations;

    @Autowired
    Mergers mergers;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theLettersOfAllMunicipalitiesChangeWithANewTransferOrComputation() throws Exception {
        var period = new HalfYear(2036, 1);
        signIn(Role.MINISTRY_ANALYST);
        totals.enter(period, 11_000, LocalDate.of(2035, 9, 1), "Test: landelijk aantal 2036-I");
        publish(period);
        var first = letters("/quota/periods/2036-I/letters");

        var again = letters("/quota/periods/2036-I/letters");
        signIn(Role.NATIONAL_COORDINATOR);
        transfers.agree(period, Map.of(MIDDELBURG, -2, VLISSINGEN, 2), LocalDate.now(AuditTrail.ZONE),
                "Test: overdracht voor de brieven");
        var afterTransfer = letters("/quota/periods/2036-I/letters");
        signIn(Role.MINISTRY_ANALYST);
        totals.enter(period, 12_500, LocalDate.of(2035, 9, 1), "Test: bijgesteld landelijk aantal 2036-I");
        publish(period);
        var afterComputation = letters("/quota/periods/2036-I/letters");

        assertThat(again).isEqualTo(first);
        assertThat(first).doesNotContain("Test: overdracht voor de brieven").contains(VG_2036 + "11.000");
        assertThat(afterTransfer).contains("Test: overdracht voor de brieven").contains(VG_2036 + "11.000");
        assertThat(afterComputation).contains("Test: overdracht voor de brieven").contains(VG_2036 + "12.500")
                .doesNotContain(VG_2036 + "11.000");
    }

    @Test
    void theLetterOfAMergedMunicipalitySaysTheProvinceSetItsPopulation() throws Exception {
        var merged = new HalfYear(2045, 1);
        var later = new HalfYear(2046, 1);
        signIn(Role.ADMINISTRATOR);
        mergers.record(KAPELLE, Set.of(NOORD_BEVELAND), merged, 21_500L, LocalDate.of(2043, 6, 1),
                "Test: herindeling voor de brieven");
        signIn(Role.MINISTRY_ANALYST);
        totals.enter(merged, 15_000, LocalDate.of(2044, 9, 1), "Test: landelijk aantal 2045-I");
        publish(merged);
        totals.enter(later, 15_000, LocalDate.of(2045, 9, 1), "Test: landelijk aantal 2046-I");
        publish(later);
        var whileSetByProvince = letters("/quota/periods/2045-I/letters/GM0678");
        var afterwards = letters("/quota/periods/2046-I/letters/GM0678");

        // 2045-I counts the population on 1-1-2044, before the merger: the province's figure (art. 30).
        assertThat(whileSetByProvince).contains("inwonertal van Kapelle, vastgesteld door de provincie bij de "
                + "herindeling (Huisvestingswet 2014 art. 30) 21.500");
        // 2046-I would count 1-1-2045, but no such version exists here: the version chosen by hand (1-1-2025)
        // predates the merger, so the province's figure still applies. A version counted after the merger gives
        // the merged municipality's own figure (QuotaCalculationTests).
        assertThat(afterwards).contains("vastgesteld door de provincie bij de herindeling").contains("21.500");
        assertThat(status("/quota/periods/2045-I/letters/GM1695")).as("merged into Kapelle").isEqualTo(404);
    }

    private void publish(HalfYear period) {
        calculation.publish(period, populations.latest().id(), "Test: cijfers van het jaar ervoor ontbreken");
    }

    private String letters(String path) throws Exception {
        var response = mvc.perform(get(path).with(authentication(TestUsers.signedIn(Role.MUNICIPALITY_OFFICER))))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return text(response.getContentAsByteArray());
    }

    private int status(String path) throws Exception {
        return mvc.perform(get(path).with(authentication(TestUsers.signedIn(Role.MUNICIPALITY_OFFICER))))
                .andReturn().getResponse().getStatus();
    }

    static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static void signIn(Role role) {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(role));
    }
}
