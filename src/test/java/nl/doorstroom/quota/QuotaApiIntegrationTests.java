package nl.doorstroom.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigInteger;
import java.util.List;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The quota API on embedded PostgreSQL with the demo history loaded. */
@IntegrationTest
class QuotaApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountAdministration accounts;

    final JsonMapper json = JsonMapper.builder().build();

    String analyst;
    String municipality;
    String coordinator;

    @BeforeEach
    void issueTokens() {
        analyst = token("analyst");
        municipality = token("municipality-utrecht");
        coordinator = token("coordinator");
    }

    @Test
    void everyPublishedQuotaIsTheLawsRoundedUpShareAndTheSumExceedsTheTotalByLessThanTheMunicipalities()
            throws Exception {
        var body = getJson("/api/v1/quota-periods/2026-II/quotas", analyst);

        long vg = body.get("calculation").get("nationalTotal").asLong();
        long iN = body.get("calculation").get("populationTotal").asLong();
        long sum = 0;
        for (var row : body.get("quotas")) {
            var exact = BigInteger.valueOf(vg).multiply(BigInteger.valueOf(row.get("population").asLong()));
            var quota = BigInteger.valueOf(row.get("quota").asLong());
            assertThat(quota.multiply(BigInteger.valueOf(iN))).isGreaterThanOrEqualTo(exact);
            assertThat(quota.subtract(BigInteger.ONE).multiply(BigInteger.valueOf(iN))).isLessThan(exact);
            sum += row.get("quota").asLong();
        }
        assertThat(body.get("quotas")).hasSize(342);
        assertThat(sum).isGreaterThan(vg).isLessThan(vg + 342);
    }

    @Test
    void publishingWithoutThePopulationOfTheYearBeforeIsRefusedNamingTheVersionNeeded() throws Exception {
        var entered = mvc.perform(post("/api/v1/quota-periods/2031-II/national-totals").header("Authorization", analyst)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"total\": 15000, \"effectiveDate\": \"2026-11-01\", \"reason\": \"test\"}"))
                .andReturn().getResponse();
        assertThat(entered.getStatus()).isEqualTo(201);

        var refused = mvc.perform(post("/api/v1/quota-periods/2031-II/calculations").header("Authorization", analyst)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        var problem = json.readTree(refused.getContentAsString()).get("invalidParams").get(0);
        assertThat(problem.get("code").asString()).isEqualTo("quota.populationVersion.missing");
        assertThat(problem.get("reason").asString()).contains("2030-01-01");

        var withoutReason = mvc.perform(post("/api/v1/quota-periods/2031-II/calculations").header("Authorization", analyst)
                .contentType(MediaType.APPLICATION_JSON).content("{\"populationVersionId\": 1}")).andReturn().getResponse();
        assertThat(withoutReason.getStatus()).isEqualTo(400);
        assertThat(withoutReason.getContentAsString()).contains("quota.choiceReason.required");

        var chosen = mvc.perform(post("/api/v1/quota-periods/2031-II/calculations").header("Authorization", analyst)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"populationVersionId\": 1, \"choiceReason\": \"CBS-cijfers 2030 nog niet beschikbaar\"}"))
                .andReturn().getResponse();
        assertThat(chosen.getStatus()).isEqualTo(201);
        var calculation = json.readTree(chosen.getContentAsString());
        assertThat(calculation.get("versionChosen").asBoolean()).isTrue();
        assertThat(calculation.get("choiceReason").asString()).isEqualTo("CBS-cijfers 2030 nog niet beschikbaar");
        assertThat(calculation.get("sum").asLong()).isBetween(15_000L, 15_000L + 342);
    }

    @Test
    void anAdjustmentDuringThePeriodTakesEffectOnItsDate() throws Exception {
        created("/api/v1/quota-periods/2032-I/national-totals", analyst,
                "{\"total\": 10000, \"effectiveDate\": \"2026-01-01\", \"reason\": \"eerste\"}");
        created("/api/v1/quota-periods/2032-I/calculations", analyst,
                "{\"populationVersionId\": 1, \"choiceReason\": \"test\"}");
        created("/api/v1/quota-periods/2032-I/national-totals", analyst,
                "{\"total\": 12000, \"effectiveDate\": \"2026-06-01\", \"reason\": \"bijgesteld\"}");
        created("/api/v1/quota-periods/2032-I/calculations", analyst,
                "{\"populationVersionId\": 1, \"choiceReason\": \"test\"}");

        var history = getJson("/api/v1/quota-periods/2032-I/national-totals", analyst);
        var before = getJson("/api/v1/quota-periods/2032-I/quotas?date=2026-05-31", analyst);
        var after = getJson("/api/v1/quota-periods/2032-I/quotas?date=2026-06-01", analyst);

        assertThat(history).hasSize(2);
        assertThat(before.get("calculation").get("nationalTotal").asInt()).isEqualTo(10_000);
        assertThat(after.get("calculation").get("nationalTotal").asInt()).isEqualTo(12_000);
    }

    @Test
    void aCorrectionDatedBeforeTheLatestEntryIsRefusedNamingThatDate() throws Exception {
        created("/api/v1/quota-periods/2037-I/national-totals", analyst,
                "{\"total\": 10000, \"effectiveDate\": \"2036-09-01\", \"reason\": \"eerste\"}");

        var refused = mvc.perform(post("/api/v1/quota-periods/2037-I/national-totals").header("Authorization", analyst)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"total\": 11000, \"effectiveDate\": \"2036-08-01\", \"reason\": \"te vroeg\"}"))
                .andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        var problem = json.readTree(refused.getContentAsString()).get("invalidParams").get(0);
        assertThat(problem.get("code").asString()).isEqualTo("quota.effectiveDate.beforeLatest");
        assertThat(problem.get("reason").asString()).contains("2036-09-01");
        assertThat(getJson("/api/v1/quota-periods/2037-I/national-totals", analyst)).hasSize(1);
        created("/api/v1/quota-periods/2037-I/national-totals", analyst,
                "{\"total\": 11000, \"effectiveDate\": \"2036-09-01\", \"reason\": \"zelfde dag\"}");
    }

    @Test
    void anUnbalancedTransferIsRefusedWithTheLawAndABalancedOneShiftsTheQuota() throws Exception {
        int before = getJson("/api/v1/quota-transfers", analyst).size();

        var refused = mvc.perform(post("/api/v1/quota-transfers").header("Authorization", coordinator)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"period": "2026-II", "changes": {"GM0307": -5, "GM0308": 7}, "agreedOn": "2026-10-01",
                         "reason": "regionale afspraak"}""")).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("transfer.unbalanced").contains("29");
        assertThat(getJson("/api/v1/quota-transfers", analyst)).hasSize(before);

        var quotaBefore = quotaOf("GM0308");
        var agreed = mvc.perform(post("/api/v1/quota-transfers").header("Authorization", coordinator)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"period": "2026-II", "changes": {"GM0307": -5, "GM0308": 5}, "agreedOn": "2026-10-01",
                         "reason": "regionale afspraak"}""")).andReturn().getResponse();
        assertThat(agreed.getStatus()).isEqualTo(201);
        assertThat(quotaOf("GM0308")).isEqualTo(quotaBefore + 5);
        assertThat(getJson("/api/v1/quota-transfers?municipality=GM0308", analyst).get(0).get("changes").get("GM0308")
                .asInt()).isEqualTo(5);
    }

    @Test
    void aMunicipalityWrittenTwiceInOneTransferIsAProblemAndNothingIsStored() throws Exception {
        int before = getJson("/api/v1/quota-transfers", analyst).size();

        var refused = mvc.perform(post("/api/v1/quota-transfers").header("Authorization", coordinator)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"period": "2026-II", "changes": {"GM0344": -10, "344": -10, "GM0355": 10},
                         "agreedOn": "2026-10-01", "reason": "twee schrijfwijzen"}""")).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        var problems = json.readTree(refused.getContentAsString()).get("invalidParams");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).get("name").asString()).isEqualTo("changes");
        assertThat(problems.get(0).get("code").asString()).isEqualTo("transfer.party.duplicate");
        assertThat(problems.get(0).get("reason").asString()).contains("GM0344").contains("344");
        assertThat(getJson("/api/v1/quota-transfers", analyst)).hasSize(before);
    }

    @Test
    void aMunicipalityOfficerCannotEnterNationalTotals() throws Exception {
        var response = mvc.perform(post("/api/v1/quota-periods/2033-I/national-totals").header("Authorization",
                municipality).contentType(MediaType.APPLICATION_JSON).content("{\"total\": 1}")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void aWhatIfRunComparesEveryMethodAndOnlyTheLawExceedsTheTotal() throws Exception {
        var result = mvc.perform(post("/api/v1/what-if-runs").header("Authorization", municipality)
                .contentType(MediaType.APPLICATION_JSON).content("{\"key\": \"koenigstein\", \"total\": 20000}"))
                .andReturn().getResponse();

        assertThat(result.getStatus()).isEqualTo(200);
        var body = json.readTree(result.getContentAsString());
        assertThat(body.get("municipalities")).hasSize(342);
        assertThat(body.get("sums").get("ROUND_UP").asLong()).isGreaterThan(20_000);
        for (var method : List.of("LARGEST_REMAINDER", "SAINTE_LAGUE", "DHONDT")) {
            assertThat(body.get("sums").get(method).asLong()).as(method).isEqualTo(20_000);
        }
        assertThat(body.get("alabamaParadoxCounts").get("DHONDT").asInt()).isZero();
    }

    private long quotaOf(String code) throws Exception {
        for (var row : getJson("/api/v1/quota-periods/2026-II/quotas", analyst).get("quotas")) {
            if (row.get("municipality").asString().equals(code)) {
                return row.get("quotaAfterTransfers").asLong();
            }
        }
        throw new AssertionError(code);
    }

    private void created(String path, String token, String body) throws Exception {
        var response = mvc.perform(post(path)
                .header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(201);
    }

    private JsonNode getJson(String path, String token) throws Exception {
        var response = mvc.perform(get(path).header("Authorization", token)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    private String token(String username) {
        var account = accounts.accounts().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow();
        return "Bearer " + tokens.issue(account.id(), "quota api test", 1).secret();
    }
}
