package nl.doorstroom.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import nl.doorstroom.ApiClient;
import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Linking runs through the API with the demo accounts' tokens: start, follow, read, decide, and the problems. */
@IntegrationTest
class LinkingApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    MunicipalityRegistry registry;

    @Autowired
    nl.doorstroom.permitholders.HouseholdRegister register;

    ApiClient api;

    String coa;
    String coordinator;
    String utrecht;

    @BeforeEach
    void issueTokens() {
        api = new ApiClient(mvc, tokens, accounts);
        coa = api.token("coa");
        coordinator = api.token("coordinator");
        utrecht = api.token("municipality-utrecht");
    }

    @Test
    void aRunIsStartedFollowedReadAndItsProposalsAcceptedThroughTheApi() throws Exception {
        var ids = LinkingFixtures.registerOldest(register, 3);
        var region = registry.find(LinkingFixtures.AMERSFOORT).map(Municipality::coaRegion).orElseThrow();

        var started = api.send(post("/api/v1/linking-runs"), coa, "{\"region\": \"" + region
                + "\", \"householdLimit\": 3, \"seconds\": 1, \"weights\": {\"waiting\": 20}}");

        assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(202);
        long id = api.json(started).get("id").asLong();
        assertThat(started.getHeader("Location")).isEqualTo("/api/v1/linking-runs/" + id);
        assertThat(api.json(started).get("weights").get("waiting").asInt()).isEqualTo(20);
        assertThat(api.json(started).get("weights").get("base").asInt()).isEqualTo(LinkingWeights.DEFAULT.base());
        var run = finished(id);
        assertThat(run.get("status").asString()).isEqualTo("FINISHED");
        assertThat(run.get("objective").asLong()).isLessThanOrEqualTo(run.get("bound").asLong());
        var proposals = api.json(api.ok("/api/v1/linking-runs/" + id + "/proposals?show=LINKED", coordinator)).get("items");
        assertThat(proposals.size()).isPositive();
        var first = proposals.get(0);
        int sum = 0;
        for (var part : first.get("scoreParts")) {
            sum += part.asInt();
        }
        assertThat(sum).isEqualTo(first.get("score").asInt());
        var explanation = api.json(api.ok("/api/v1/linking-runs/" + id + "/proposals/" + first.get("household").asLong(), coa));
        assertThat(explanation.get("options").get(0).get("score").asInt())
                .isGreaterThanOrEqualTo(first.get("score").asInt());

        var accepted = api.send(post("/api/v1/linking-runs/" + id + "/acceptances"), coa,
                "{\"households\": [" + first.get("household").asLong() + "]}");

        assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(200);
        assertThat(api.json(accepted).get("decided").asInt()).isEqualTo(1);
        var household = api.json(api.ok("/api/v1/households/" + first.get("household").asLong(), coa));
        assertThat(household.get("stage").asString()).isEqualTo("LINKED");
        assertThat(household.get("municipality").asString()).isEqualTo(first.get("municipality").asString());
        var fairness = api.json(api.ok("/api/v1/linking-runs/" + id + "/fairness", coa));
        assertThat(fairness.get("sizeBands").size()).isPositive();
        assertThat(ids).contains(first.get("household").asLong());
    }

    @Test
    void problemsAreProblemJsonNamingEachField() throws Exception {
        var refused = api.send(post("/api/v1/linking-runs"), coa,
                "{\"region\": \"NOWHERE\", \"seconds\": 0, \"weights\": {\"origin\": 5}}");
        var refusedWeights = api.send(post("/api/v1/linking-runs"), coa, "{\"seconds\": 0, \"tolerancePercent\": 99}");
        var officer = api.send(post("/api/v1/linking-runs"), utrecht, "{}");
        var missing = api.fetch("/api/v1/linking-runs/999999999", coa);
        var badPage = api.fetch("/api/v1/linking-runs/999999999/proposals?pageSize=0", coa);

        api.problem(refused, 400);
        assertThat(api.names(refused)).containsExactly("weights.origin");
        api.problem(refusedWeights, 400);
        assertThat(api.names(refusedWeights)).containsExactly("tolerancePercent", "seconds");
        api.problem(officer, 403);
        api.problem(missing, 404);
        api.problem(badPage, 400);
        assertThat(api.names(badPage)).containsExactly("pageSize");
    }

    JsonNode finished(long id) throws Exception {
        for (int i = 0; i < 300; i++) {
            var run = api.json(api.ok("/api/v1/linking-runs/" + id, coa));
            if (!run.get("status").asString().equals("RUNNING")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not end in 30 s");
    }

}
