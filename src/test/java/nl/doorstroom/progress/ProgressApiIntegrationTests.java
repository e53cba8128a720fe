package nl.doorstroom.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.shared.HalfYear;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Realisation imports and progress figures through the API, on embedded PostgreSQL with the demo history. */
@IntegrationTest
class ProgressApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    Realisation realisation;

    final JsonMapper json = JsonMapper.builder().build();

    String coa;
    String analyst;

    @BeforeEach
    void issueTokens() {
        coa = token("coa");
        analyst = token("analyst");
    }

    @Test
    void theNationalFiguresChainTheCarryOverFromPeriodToPeriod() throws Exception {
        var periods = getJson("/api/v1/progress", analyst).get("periods");

        assertThat(periods.get(0).get("period").asString()).isEqualTo("2022-I");
        for (int i = 0; i < periods.size(); i++) {
            var p = periods.get(i);
            assertThat(p.get("correctedQuota").asLong()).isEqualTo(p.get("quota").asLong() + p.get("carriedIn").asLong());
        }
        assertThat(periods.get(periods.size() - 1).get("complete").asBoolean()).isFalse();
    }

    @Test
    void aMunicipalitysCarryOverIsItsBalanceOfTheHalfYearBefore() throws Exception {
        var history = getJson("/api/v1/progress/municipalities/GM0344", analyst).get("periods");

        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).get("carriedIn").asLong()).isEqualTo(history.get(i - 1).get("balance").asLong());
        }
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithEveryProblemAndNothingChanges() throws Exception {
        int importsBefore = getJson("/api/v1/realisation-imports", analyst).size();
        var before = housedIn("GM0088", "2022-I");

        var response = mvc.perform(post("/api/v1/realisation-imports").header("Authorization", coa)
                .contentType("text/csv").content("""
                        municipality,month,persons
                        GM0088,2022-02,50
                        GM9999,2022-02,1
                        GM0088,2022-03,-1
                        """)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        var problems = json.readTree(response.getContentAsString()).get("invalidParams");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(problems.get(0).get("name").asString()).isEqualTo("municipality");
        assertThat(problems.get(1).get("row").asInt()).isEqualTo(4);
        assertThat(problems.get(1).get("name").asString()).isEqualTo("persons");
        assertThat(getJson("/api/v1/realisation-imports", analyst)).hasSize(importsBefore);
        assertThat(housedIn("GM0088", "2022-I")).isEqualTo(before);
    }

    @Test
    void aLaterDeliveryForTheSameMonthReplacesTheNumberThatCounts() throws Exception {
        var month = HalfYear.parse("2022-I").start().plusMonths(1).toString().substring(0, 7);
        var monthly = getJson("/api/v1/progress/municipalities/GM0060", analyst);
        long before = housedIn("GM0060", "2022-I");

        var first = mvc.perform(post("/api/v1/realisation-imports").header("Authorization", coa)
                .contentType("text/csv").content("gemeente;maand;aantal\n60;" + month + ";500\n")).andReturn().getResponse();
        long afterFirst = housedIn("GM0060", "2022-I");
        mvc.perform(post("/api/v1/realisation-imports").header("Authorization", coa)
                .contentType("text/csv").content("gemeente;maand;aantal\n60;" + month + ";501\n")).andReturn();
        long afterSecond = housedIn("GM0060", "2022-I");

        assertThat(monthly.get("periods").size()).isPositive();
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(afterFirst).isGreaterThanOrEqualTo(500).isNotEqualTo(before);
        assertThat(afterSecond).isEqualTo(afterFirst + 1);
        var deliveries = realisation.correctionsOf(nl.doorstroom.shared.MunicipalityCode.of("GM0060")).stream()
                .filter(d -> d.month().toString().equals(month)).toList();
        assertThat(deliveries).hasSizeGreaterThanOrEqualTo(2);
        assertThat(deliveries).filteredOn(Realisation.Delivery::counts).singleElement()
                .satisfies(d -> assertThat(d.persons()).isEqualTo(501));
    }

    @Test
    void anUnknownDateFormatIsAProblemNotAnError() throws Exception {
        var response = mvc.perform(get("/api/v1/progress?date=28-11-2026").header("Authorization", analyst))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("progress.date.invalid");
    }

    private long housedIn(String code, String period) throws Exception {
        for (var p : getJson("/api/v1/progress/municipalities/" + code, analyst).get("periods")) {
            if (p.get("period").asString().equals(period)) {
                return p.get("housed").asLong();
            }
        }
        throw new AssertionError(period);
    }

    private JsonNode getJson(String path, String token) throws Exception {
        var response = mvc.perform(get(path).header("Authorization", token)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    private String token(String username) {
        var account = accounts.accounts().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow();
        return "Bearer " + tokens.issue(account.id(), "progress api test", 1).secret();
    }
}
