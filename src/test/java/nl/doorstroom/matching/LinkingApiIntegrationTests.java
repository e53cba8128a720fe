package nl.doorstroom.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    final JsonMapper json = JsonMapper.builder().build();

    String coa;
    String coordinator;
    String utrecht;

    @BeforeEach
    void issueTokens() {
        coa = token("coa");
        coordinator = token("coordinator");
        utrecht = token("municipality-utrecht");
    }

    @Test
    void aRunIsStartedFollowedReadAndItsProposalsAcceptedThroughTheApi() throws Exception {
        var ids = LinkingFixtures.registerOldest(register, 3);
        var region = registry.find(LinkingFixtures.AMERSFOORT).map(Municipality::coaRegion).orElseThrow();

        var started = send(post("/api/v1/linking-runs"), coa, "{\"region\": \"" + region
                + "\", \"householdLimit\": 3, \"seconds\": 1, \"weights\": {\"waiting\": 20}}");

        assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(202);
        long id = json(started).get("id").asLong();
        assertThat(started.getHeader("Location")).isEqualTo("/api/v1/linking-runs/" + id);
        assertThat(json(started).get("weights").get("waiting").asInt()).isEqualTo(20);
        assertThat(json(started).get("weights").get("base").asInt()).isEqualTo(LinkingWeights.DEFAULT.base());
        var run = finished(id);
        assertThat(run.get("status").asString()).isEqualTo("FINISHED");
        assertThat(run.get("objective").asLong()).isLessThanOrEqualTo(run.get("bound").asLong());
        var proposals = json(ok("/api/v1/linking-runs/" + id + "/proposals?show=LINKED", coordinator)).get("items");
        assertThat(proposals.size()).isPositive();
        var first = proposals.get(0);
        int sum = 0;
        for (var part : first.get("scoreParts")) {
            sum += part.asInt();
        }
        assertThat(sum).isEqualTo(first.get("score").asInt());
        var explanation = json(ok("/api/v1/linking-runs/" + id + "/proposals/" + first.get("household").asLong(), coa));
        assertThat(explanation.get("options").get(0).get("score").asInt())
                .isGreaterThanOrEqualTo(first.get("score").asInt());

        var accepted = send(post("/api/v1/linking-runs/" + id + "/acceptances"), coa,
                "{\"households\": [" + first.get("household").asLong() + "]}");

        assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(200);
        assertThat(json(accepted).get("decided").asInt()).isEqualTo(1);
        var household = json(ok("/api/v1/households/" + first.get("household").asLong(), coa));
        assertThat(household.get("stage").asString()).isEqualTo("LINKED");
        assertThat(household.get("municipality").asString()).isEqualTo(first.get("municipality").asString());
        var fairness = json(ok("/api/v1/linking-runs/" + id + "/fairness", coa));
        assertThat(fairness.get("sizeBands").size()).isPositive();
        assertThat(ids).contains(first.get("household").asLong());
    }

    @Test
    void problemsAreProblemJsonNamingEachField() throws Exception {
        var refused = send(post("/api/v1/linking-runs"), coa,
                "{\"region\": \"NOWHERE\", \"seconds\": 0, \"weights\": {\"origin\": 5}}");
        var refusedWeights = send(post("/api/v1/linking-runs"), coa, "{\"seconds\": 0, \"tolerancePercent\": 99}");
        var officer = send(post("/api/v1/linking-runs"), utrecht, "{}");
        var missing = fetch("/api/v1/linking-runs/999999999", coa);
        var badPage = fetch("/api/v1/linking-runs/999999999/proposals?pageSize=0", coa);

        problem(refused, 400);
        assertThat(names(refused)).containsExactly("weights.origin");
        problem(refusedWeights, 400);
        assertThat(names(refusedWeights)).containsExactly("tolerancePercent", "seconds");
        problem(officer, 403);
        problem(missing, 404);
        problem(badPage, 400);
        assertThat(names(badPage)).containsExactly("pageSize");
    }

    LinkedNode finished(long id) throws Exception {
        for (int i = 0; i < 300; i++) {
            var run = json(ok("/api/v1/linking-runs/" + id, coa));
            if (!run.get("status").asString().equals("RUNNING")) {
                return new LinkedNode(run);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not end in 30 s");
    }

    record LinkedNode(JsonNode node) {
        JsonNode get(String field) {
            return node.get(field);
        }
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return mvc.perform(request.header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    MockHttpServletResponse fetch(String path, String token) throws Exception {
        return mvc.perform(get(path).header("Authorization", token)).andReturn().getResponse();
    }

    MockHttpServletResponse ok(String path, String token) throws Exception {
        var response = fetch(path, token);
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(200);
        return response;
    }

    void problem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        var problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        if (problem.has("invalidParams")) {
            for (var p : problem.get("invalidParams")) {
                assertThat(p.get("reason").asString()).isNotBlank();
            }
        }
    }

    JsonNode json(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    List<String> names(MockHttpServletResponse response) throws Exception {
        var names = new ArrayList<String>();
        json(response).get("invalidParams").forEach(p -> names.add(p.get("name").asString()));
        return names;
    }

    private String token(String username) {
        var account = accounts.accounts().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow();
        return "Bearer " + tokens.issue(account.id(), "linking api test", 1).secret();
    }
}
