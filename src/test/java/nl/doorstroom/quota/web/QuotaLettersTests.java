package nl.doorstroom.quota.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.Populations;
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

    private void publish(HalfYear period) {
        calculation.publish(period, populations.latest().id(), "Test: cijfers van het jaar ervoor ontbreken");
    }

    private String letters(String path) throws Exception {
        var response = mvc.perform(get(path).with(authentication(TestUsers.signedIn(Role.MUNICIPALITY_OFFICER))))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return text(response.getContentAsByteArray());
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
