package nl.doorstroom.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.identity.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The coordination centre through the API with the demo accounts' tokens. */
@IntegrationTest
class CoordinationApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountAdministration accounts;

    final JsonMapper json = JsonMapper.builder().build();

    String coordinator;
    String coa;
    String utrecht;

    @BeforeEach
    void issueTokens() {
        coordinator = token("coordinator");
        coa = token("coa");
        utrecht = token("municipality-utrecht");
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    @Test
    void aCallWithACommitmentIsLoggedKeptAndCountsInTheWeekWhileAStaleChangeGets409WithWhatIsStored() throws Exception {
        var weekBefore = json(ok("/api/v1/weekly-extra-places?weeks=6", coordinator)).get("total");
        long before = weekBefore.get(weekBefore.size() - 1).asLong();

        var logged = send(post("/api/v1/contacts"), coordinator, """
                {"party": "MUNICIPALITY", "municipality": "GM0344", "kind": "CALL", "occurredOn": "%s",
                 "counterpart": "wethouder wonen", "outcome": "Vijftien plaatsen in een hotel",
                 "commitments": [{"municipality": "GM0344", "places": 15, "kind": "HAR_HOTEL", "expectedOn": "%s"}],
                 "followUps": [{"description": "Terugbellen", "dueOn": "%s", "assignee": "coordinator"}]}"""
                .formatted(today().minusDays(2), today().plusDays(10), today().plusDays(5)));

        assertThat(logged.getStatus()).as(logged.getContentAsString()).isEqualTo(201);
        var contact = json(logged);
        long commitment = contact.get("commitments").get(0).get("id").asLong();
        var kept = send(post("/api/v1/commitments/" + commitment + "/decisions"), coa,
                "{\"version\": 0, \"status\": \"KEPT\", \"realisedPlaces\": 15, \"realisedOn\": \"" + today() + "\"}");
        var stale = send(post("/api/v1/commitments/" + commitment + "/decisions"), coordinator,
                "{\"version\": 0, \"status\": \"NOT_KEPT\", \"reason\": \"Te laat\"}");

        assertThat(kept.getStatus()).as(kept.getContentAsString()).isEqualTo(200);
        assertThat(json(kept).get("status").asString()).isEqualTo("KEPT");
        problem(stale, 409);
        assertThat(json(stale).get("current").get("status").asString()).isEqualTo("KEPT");
        var week = json(ok("/api/v1/weekly-extra-places?weeks=6", coordinator)).get("total");
        assertThat(week.get(week.size() - 1).asLong() - before).isEqualTo(15);
        var own = json(ok("/api/v1/commitments?municipality=GM0344", utrecht));
        assertThat(own.size()).isPositive();
        problem(fetch("/api/v1/commitments?municipality=GM0363", utrecht), 403);
        problem(fetch("/api/v1/call-list", utrecht), 403);
    }

    @Test
    void theCallListShowsEachMunicipalitysReasonsAddingUpToItsPoints() throws Exception {
        var list = json(ok("/api/v1/call-list", coordinator));

        assertThat(list.get("municipalities").size()).isPositive();
        for (var m : list.get("municipalities")) {
            int sum = 0;
            for (var r : m.get("reasons")) {
                assertThat(r.get("text").asString()).isNotBlank();
                sum += r.get("points").asInt();
            }
            assertThat(sum).isEqualTo(m.get("points").asInt());
        }
        assertThat(list.get("policy").get("weeklyTarget").asInt()).isPositive();
    }

    @Test
    void problemsNameTheFieldsAsSentAndOthersMayNotRecord() throws Exception {
        var refused = send(post("/api/v1/contacts"), coordinator, """
                {"party": "MUNICIPALITY", "municipality": "GM0344", "kind": "CALL", "occurredOn": "%s",
                 "counterpart": " ", "outcome": "x",
                 "commitments": [{"municipality": "GM0344", "places": 0, "kind": "HAR_HOTEL", "expectedOn": "%s"}]}"""
                .formatted(today().plusDays(1), today().plusDays(10)));
        var officer = send(post("/api/v1/contacts"), utrecht, "{}");
        var policy = send(put("/api/v1/call-policy"), coa, "{\"version\": 0, \"values\": {}}");

        problem(refused, 400);
        assertThat(names(refused)).containsExactly("occurredOn", "counterpart", "commitments[0].places");
        problem(officer, 403);
        problem(policy, 403);
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
        return "Bearer " + tokens.issue(account.id(), "coordination api test", 1).secret();
    }
}
