package nl.doorstroom.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The quotas as known on a date, on embedded PostgreSQL with the demo history loaded. */
@IntegrationTest
class QuotasIntegrationTests {

    @Autowired
    Quotas quotas;

    @Autowired
    QuotaCalculation calculation;

    @Autowired
    NationalTotals totals;

    @Autowired
    Populations populations;

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(Role.MINISTRY_ANALYST));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aQuotaPublishedAheadOfItsHalfYearIsInTheBookBeforeItTakesEffect() {
        var period = new HalfYear(2038, 1);
        var effective = LocalDate.of(2037, 9, 1);
        var today = LocalDate.now(AuditTrail.ZONE);
        totals.enter(period, 14_000, effective, "Test: landelijk aantal 2038-I");
        var published = calculation.publish(period, populations.latest().id(), "Test: cijfers per 1-1-2037 ontbreken");

        var book = quotas.book(List.of(period), today).get(period);

        assertThat(today).isBefore(effective);
        assertThat(book.calculation()).contains(published);
        assertThat(book.lines()).hasSize(published.municipalities());
        var utrecht = MunicipalityCode.of("GM0344");
        assertThat(book.quotaOf(utrecht)).isPositive()
                .isEqualTo(calculation.quotasOf(published.id()).get(utrecht).quota());
    }
}
